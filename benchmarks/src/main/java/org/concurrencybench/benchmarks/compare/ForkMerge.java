package org.concurrencybench.benchmarks.compare;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * One cell's forks, run in separate rounds, as the one JMH record a run of all of them at once
 * would have written: the forks' iterations side by side in rawData, and the score, its 99.9%
 * error, its confidence interval and its percentiles computed over all of them as JMH computes
 * them ({@link ListStatistics}, over every measured iteration of every fork). A metric missing
 * from any fork (a profiler's, say) is dropped rather than reported from some forks only.
 */
final class ForkMerge {

    /** JMH's confidence level for scoreError and scoreConfidence. */
    static final double CONFIDENCE = 0.999;

    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private ForkMerge() {
    }

    /**
     * The records of {@code rounds} (each JMH's JSON array of one run of the cell with one fork)
     * merged into one JSON array, element by element.
     */
    static String merge(List<String> rounds) {
        if (rounds.size() == 1) {
            return rounds.getFirst();
        }
        List<JsonArray> arrays = rounds.stream().map(text -> JsonParser.parseString(text).getAsJsonArray()).toList();
        JsonArray merged = new JsonArray();
        for (int index = 0; index < arrays.getFirst().size(); index++) {
            List<JsonObject> forks = new ArrayList<>();
            for (JsonArray array : arrays) {
                forks.add(array.get(index).getAsJsonObject());
            }
            merged.add(mergeRecord(forks));
        }
        return GSON.toJson(merged);
    }

    private static JsonObject mergeRecord(List<JsonObject> forks) {
        JsonObject record = forks.getFirst().deepCopy();
        int forkCount = forks.stream().mapToInt(fork -> fork.get("forks").getAsInt()).sum();
        record.addProperty("forks", forkCount);
        record.add("primaryMetric", mergeMetric(forks.stream().map(fork -> fork.getAsJsonObject("primaryMetric")).toList()));
        JsonObject secondary = new JsonObject();
        JsonObject first = forks.getFirst().getAsJsonObject("secondaryMetrics");
        if (first != null) {
            for (Map.Entry<String, JsonElement> metric : first.entrySet()) {
                List<JsonObject> each = new ArrayList<>();
                for (JsonObject fork : forks) {
                    JsonObject metrics = fork.getAsJsonObject("secondaryMetrics");
                    if (metrics != null && metrics.has(metric.getKey())) {
                        each.add(metrics.getAsJsonObject(metric.getKey()));
                    }
                }
                if (each.size() == forks.size()) {
                    secondary.add(metric.getKey(), mergeMetric(each));
                }
            }
        }
        record.add("secondaryMetrics", secondary);
        return record;
    }

    private static JsonObject mergeMetric(List<JsonObject> metrics) {
        JsonObject merged = metrics.getFirst().deepCopy();
        JsonArray rawData = new JsonArray();
        ListStatistics statistics = new ListStatistics();
        for (JsonObject metric : metrics) {
            for (JsonElement fork : metric.getAsJsonArray("rawData")) {
                rawData.add(fork.deepCopy());
                fork.getAsJsonArray().forEach(value -> statistics.addValue(value.getAsDouble()));
            }
        }
        merged.add("rawData", rawData);
        merged.addProperty("score", statistics.getMean());
        merged.addProperty("scoreError", statistics.getMeanErrorAt(CONFIDENCE));
        double[] interval = statistics.getConfidenceIntervalAt(CONFIDENCE);
        JsonArray confidence = new JsonArray();
        confidence.add(interval[0]);
        confidence.add(interval[1]);
        merged.add("scoreConfidence", confidence);
        JsonObject percentiles = new JsonObject();
        for (double percentile : PERCENTILES) {
            percentiles.addProperty(Double.toString(percentile), statistics.getPercentile(percentile));
        }
        merged.add("scorePercentiles", percentiles);
        return merged;
    }
}
