package org.concurrencybench.benchmarks.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.concurrencybench.benchmarks.bare.BareBenchmark;
import org.concurrencybench.benchmarks.bare.TwinBenchmark;
import org.concurrencybench.benchmarks.common.ResultsFileException;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/**
 * Reads JMH's JSON results ({@code -rf json}) into {@link Measurement}s. Anything that is not
 * what JMH writes is refused with the file's name and what is wrong with it; JMH's "NaN" error
 * (too few iterations for an estimate) is read as NaN.
 */
public final class JmhResultsReader {

    private static final String PAYLOAD = "payload";

    private JmhResultsReader() {
    }

    public static List<Measurement> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new ResultsFileException(file, "cannot be read (" + unreadable + ")", unreadable);
        }
        if (text.isBlank()) {
            throw new ResultsFileException(file, "is empty; expected JMH's JSON results (a JSON array, as written by -rf json)");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException malformed) {
            throw new ResultsFileException(file, "is not valid JSON (" + rootMessage(malformed) + ")", malformed);
        }
        if (!root.isJsonArray()) {
            throw new ResultsFileException(file, "expected a JSON array of JMH results, found " + describe(root));
        }
        JsonArray results = root.getAsJsonArray();
        List<Measurement> measurements = new ArrayList<>(results.size());
        for (int index = 0; index < results.size(); index++) {
            measurements.add(measurement(file, index + 1, results.get(index)));
        }
        return measurements;
    }

    private static Measurement measurement(Path file, int position, JsonElement element) {
        if (!element.isJsonObject()) {
            throw new ResultsFileException(file, "result " + position + " is " + describe(element) + ", not a JMH result object");
        }
        JsonObject result = element.getAsJsonObject();
        String benchmark = string(file, position, result, "benchmark");
        String mode = string(file, position, result, "mode");
        JsonObject metric = object(file, position, result, "primaryMetric");
        double score = number(file, position, metric, "primaryMetric.score", "score");
        double error = number(file, position, metric, "primaryMetric.scoreError", "scoreError");
        String unit = string(file, position, metric, "scoreUnit");
        Map<String, String> params = new LinkedHashMap<>();
        if (result.has("params") && result.get("params").isJsonObject()) {
            for (Map.Entry<String, JsonElement> param : result.getAsJsonObject("params").entrySet()) {
                params.put(param.getKey(), param.getValue().isJsonPrimitive() ? param.getValue().getAsString()
                        : param.getValue().toString());
            }
        }
        String workload = workloadOf(benchmark);
        // a bare twin's result names the twin where a model's names the model
        String model = params.getOrDefault("model", params.getOrDefault(TwinBenchmark.IDIOM, "(no model)"));
        int cores = cores(file, position, params.get("cores"));
        String jdk = result.has("jdkVersion") && result.get("jdkVersion").isJsonPrimitive()
                ? result.get("jdkVersion").getAsString() : null;
        return new Measurement(benchmark, workload, sizes(workload, params), model, cores, mode, score, error, unit, jdk,
                interpreter(result));
    }

    /**
     * {@code CPython 3.11.7} (with {@code free-threaded, GIL off} where so) for a record of the
     * suite's Python harness, which names its interpreter; null for JMH's records.
     */
    static String interpreter(JsonObject result) {
        if (!result.has("interpreter") || !result.get("interpreter").isJsonObject()) {
            return null;
        }
        JsonObject interpreter = result.getAsJsonObject("interpreter");
        String name = text(interpreter, "implementation", "Python") + " " + text(interpreter, "version", "(version unknown)");
        if (interpreter.has("freeThreaded") && interpreter.get("freeThreaded").getAsBoolean()) {
            boolean gil = !interpreter.has("gilEnabled") || interpreter.get("gilEnabled").getAsBoolean();
            name += ", free-threaded, GIL " + (gil ? "on" : "off");
        }
        return name;
    }

    private static String text(JsonObject object, String name, String otherwise) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : otherwise;
    }

    /** The catalog workload a benchmark (a model's or a bare twin's) measures; for a benchmark of another suite, its class name. */
    static String workloadOf(String benchmark) {
        return WorkloadBenchmark.byName(benchmark).map(WorkloadBenchmark::workload)
                .or(() -> BareBenchmark.byName(benchmark).map(BareBenchmark::workload)).orElseGet(() -> {
            int method = benchmark.lastIndexOf('.');
            String type = method < 0 ? benchmark : benchmark.substring(0, method);
            String simple = type.substring(type.lastIndexOf('.') + 1);
            String stripped = simple.endsWith("Benchmark") && simple.length() > "Benchmark".length()
                    ? simple.substring(0, simple.length() - "Benchmark".length()) : simple;
            return stripped.toLowerCase(Locale.ROOT);
        });
    }

    /**
     * The size parameters as the catalog writes them ({@link WorkloadSpec#write}), in its order
     * where the workload is known, then any others in name order. A payload of 0 where the
     * catalog's default is 0 is left out, as the workload's own description leaves it out: it is
     * the batch without bytes, which results from before the parameter existed recorded without
     * it, so the two compare.
     */
    static Map<String, String> sizes(String workload, Map<String, String> params) {
        Map<String, String> rest = new TreeMap<>(params);
        rest.remove("model");
        rest.remove("cores");
        rest.remove(TwinBenchmark.IDIOM);
        if (!Workloads.ids().contains(workload)) {
            return new LinkedHashMap<>(rest);
        }
        WorkloadSpec spec = Workloads.spec(workload);
        Map<String, String> written = new LinkedHashMap<>(spec.write(rest));
        if (spec.hasParameter(PAYLOAD) && spec.parameter(PAYLOAD).defaultValue() == 0 && "0".equals(written.get(PAYLOAD))) {
            written.remove(PAYLOAD);
        }
        return written;
    }

    private static int cores(Path file, int position, String text) {
        if (text == null) {
            return 1;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new ResultsFileException(file, "result " + position + " has params.cores '" + text
                    + "'; expected a whole number of cores");
        }
    }

    private static String string(Path file, int position, JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            throw new ResultsFileException(file, "result " + position + " has no \"" + name + "\"; is this JMH's JSON output?");
        }
        return value.getAsString();
    }

    private static JsonObject object(Path file, int position, JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonObject()) {
            throw new ResultsFileException(file, "result " + position + " has no \"" + name + "\" object; is this JMH's JSON output?");
        }
        return value.getAsJsonObject();
    }

    /** A number, or JMH's quoted "NaN" / "Infinity" for values it could not compute. */
    private static double number(Path file, int position, JsonObject object, String path, String name) {
        JsonElement value = object.get(name);
        if (value instanceof JsonPrimitive primitive) {
            if (primitive.isNumber()) {
                return primitive.getAsDouble();
            }
            if (primitive.isString()) {
                try {
                    return Double.parseDouble(primitive.getAsString());
                } catch (NumberFormatException notANumber) {
                    // reported below
                }
            }
        }
        throw new ResultsFileException(file, "result " + position + " has " + path + " = " + value + "; expected a number");
    }

    private static String describe(JsonElement element) {
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        return "the value " + element;
    }

    private static String rootMessage(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
