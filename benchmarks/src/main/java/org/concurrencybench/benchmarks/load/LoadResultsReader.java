package org.concurrencybench.benchmarks.load;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.ResultsFileException;
import org.concurrencybench.core.serve.Serve;

/** load.json read back as the {@link LoadResults} that wrote it, so that a report can be rebuilt from it. */
public final class LoadResultsReader {

    private static final Gson GSON = new Gson();

    private LoadResultsReader() {
    }

    /** The results in {@code file}; a file that is not a load run's load.json is one line naming it and what is wrong. */
    public static LoadResults read(Path file) throws IOException {
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException notJson) {
            throw new ResultsFileException(file, "not the load.json of a bench load run (" + notJson.getMessage() + ")");
        }
        try {
            JsonObject settings = json.getAsJsonObject("settings");
            List<Double> rates = new ArrayList<>();
            JsonElement givenRates = settings.get("rates");
            if (givenRates.isJsonArray()) {
                givenRates.getAsJsonArray().forEach(rate -> rates.add(rate.getAsDouble()));
            }
            JsonObject serve = settings.getAsJsonObject("serve");
            LoadPlan plan = new LoadPlan(strings(settings.getAsJsonArray("models")), integers(settings.getAsJsonArray("cores")),
                    rates, seconds(settings, "durationSeconds"), seconds(settings, "warmupSeconds"),
                    settings.get("connections").getAsInt(),
                    new Slo(settings.get("sloPercentile").getAsString(), settings.get("sloMs").getAsDouble()),
                    new Serve(serve.get("work").getAsLong(), serve.get("delayMs").getAsLong(), serve.get("units").getAsInt(),
                            serve.get("poolThreads").getAsInt()),
                    file.toAbsolutePath().getParent(), GeneratorCapacity.DEFAULT_PROBE);
            LoadSweep.GeneratorCapacityFigure capacity = json.has("generatorCapacity")
                    ? GSON.fromJson(json.get("generatorCapacity"), LoadSweep.GeneratorCapacityFigure.class) : null;
            List<ModelLoad> loads = GSON.fromJson(json.get("results"), new TypeToken<List<ModelLoad>>() { }.getType());
            List<LoadPoint> partial = json.has("interruptedPoints")
                    ? GSON.fromJson(json.get("interruptedPoints"), new TypeToken<List<LoadPoint>>() { }.getType()) : List.of();
            return new LoadResults(json.get("status").getAsString(), plan, settings.get("coresHeld").getAsString(),
                    capacity, json.get("seconds").getAsDouble(), loads.stream().map(LoadResultsReader::withLists).toList(),
                    partial.stream().map(LoadResultsReader::withMaps).toList());
        } catch (RuntimeException malformed) {
            throw new ResultsFileException(file, "not the load.json of a bench load run: " + malformed.getMessage());
        }
    }

    /** Gson leaves a missing list or map null; the records want them empty. */
    private static ModelLoad withLists(ModelLoad load) {
        List<LoadPoint> points = load.points() == null ? List.of() : load.points().stream().map(LoadResultsReader::withMaps).toList();
        return new ModelLoad(load.model(), load.cores(), load.outcome(), load.reason(), points, load.headlineRate(),
                load.cpuLimit(), load.requestsAtOnce(), load.concurrencyLimit());
    }

    private static LoadPoint withMaps(LoadPoint point) {
        return point.errors() != null ? point : new LoadPoint(point.model(), point.cores(), point.offeredRate(),
                point.achievedRate(), point.completed(), point.p50Ms(), point.p90Ms(), point.p99Ms(), point.p999Ms(),
                point.maxMs(), point.errorCount(), Map.of(), point.cpuMicrosPerRequest(), point.peakRssBytes(),
                point.withinSlo(), point.sustained(), point.generatorBound(), point.hgrm());
    }

    private static Duration seconds(JsonObject settings, String name) {
        return Duration.ofNanos(Math.round(settings.get(name).getAsDouble() * 1e9));
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }

    private static List<Integer> integers(JsonArray array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsInt()));
        return values;
    }
}
