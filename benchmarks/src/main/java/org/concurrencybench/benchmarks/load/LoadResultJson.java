package org.concurrencybench.benchmarks.load;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * A {@link LoadResult} as JSON: the settings, the counts, the errors by kind, the percentiles
 * in milliseconds and both histograms in HdrHistogram's base64 compressed form (microseconds;
 * {@code org.HdrHistogram.Histogram.fromString} reads them back).
 */
final class LoadResultJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private LoadResultJson() {
    }

    static String toJson(LoadResult result) {
        return GSON.toJson(toTree(result)) + "\n";
    }

    /** The result with the measured period's start and end on the machine's monotonic clock (nanoseconds). */
    static String toJson(LoadResult result, long[] measuredPeriodNanoTimes) {
        JsonObject json = toTree(result);
        json.addProperty("measuredFromNanoTime", measuredPeriodNanoTimes[0]);
        json.addProperty("measuredToNanoTime", measuredPeriodNanoTimes[1]);
        return GSON.toJson(json) + "\n";
    }

    static JsonObject toTree(LoadResult result) {
        LoadSettings settings = result.settings();
        JsonObject json = new JsonObject();
        json.addProperty("target", settings.target().hostHeader());
        json.addProperty("offeredRate", result.offeredRate());
        json.addProperty("achievedRate", result.achievedRate());
        json.addProperty("arrivals", settings.poisson() ? "poisson" : "constant");
        if (settings.poisson()) {
            json.addProperty("seed", settings.seed());
        }
        json.addProperty("connections", settings.connections());
        json.addProperty("units", settings.units());
        json.addProperty("warmupSeconds", settings.warmup().toNanos() / 1e9);
        json.addProperty("durationSeconds", settings.duration().toNanos() / 1e9);
        json.addProperty("timeoutSeconds", settings.timeout().toNanos() / 1e9);
        json.addProperty("scheduled", result.scheduled());
        json.addProperty("sent", result.sent());
        json.addProperty("completed", result.completed());
        json.addProperty("reconnects", result.reconnects());
        json.addProperty("warmupScheduled", result.warmupScheduled());
        json.add("errors", errors(result.errors()));
        JsonObject latency = new JsonObject();
        latency.add("corrected", summary(result.corrected()));
        latency.add("uncorrected", summary(result.uncorrected()));
        json.add("latencyMs", latency);
        JsonObject histograms = new JsonObject();
        histograms.addProperty("unit", "microseconds");
        histograms.addProperty("corrected", Latencies.encode(result.correctedHistogram()));
        histograms.addProperty("uncorrected", Latencies.encode(result.uncorrectedHistogram()));
        json.add("histograms", histograms);
        json.addProperty("generatorCpuMillis", result.generatorCpuMillis());
        return json;
    }

    private static JsonObject errors(LoadErrors errors) {
        JsonObject json = new JsonObject();
        json.addProperty("total", errors.total());
        json.addProperty(Failure.WRONG_BODY.key(), errors.wrongBody());
        JsonObject statuses = new JsonObject();
        for (Map.Entry<Integer, Long> status : errors.statuses().entrySet()) {
            statuses.addProperty(Integer.toString(status.getKey()), status.getValue());
        }
        json.add(Failure.STATUS.key(), statuses);
        json.addProperty(Failure.REFUSED.key(), errors.refused());
        json.addProperty(Failure.RESET.key(), errors.reset());
        json.addProperty(Failure.CLOSED.key(), errors.closed());
        json.addProperty(Failure.MALFORMED.key(), errors.malformed());
        json.addProperty(Failure.TIMED_OUT.key(), errors.timedOut());
        json.addProperty("timedOutUnsent", errors.timedOutUnsent());
        return json;
    }

    private static JsonObject summary(LatencySummary summary) {
        JsonObject json = new JsonObject();
        json.addProperty("count", summary.count());
        json.addProperty("p50", summary.p50());
        json.addProperty("p90", summary.p90());
        json.addProperty("p99", summary.p99());
        json.addProperty("p999", summary.p999());
        json.addProperty("max", summary.max());
        json.addProperty("mean", summary.mean());
        return json;
    }
}
