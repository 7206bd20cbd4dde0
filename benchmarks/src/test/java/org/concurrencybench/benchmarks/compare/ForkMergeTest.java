package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.openjdk.jmh.util.ListStatistics;
import org.junit.jupiter.api.Test;

/** A cell's forks from separate rounds as the one record JMH would have written for all of them. */
class ForkMergeTest {

    @Test
    void theForksIterationsAreOneSampleScoredAsJmhScoresIt() {
        String first = record(1, "[[10.0, 12.0, 11.0]]", "{}");
        String second = record(1, "[[14.0, 13.0, 15.0]]", "{}");

        JsonObject merged = JsonParser.parseString(ForkMerge.merge(List.of(first, second))).getAsJsonArray().get(0)
                .getAsJsonObject();

        ListStatistics all = new ListStatistics(new double[] {10, 12, 11, 14, 13, 15});
        JsonObject metric = merged.getAsJsonObject("primaryMetric");
        assertEquals(2, merged.get("forks").getAsInt());
        assertEquals(2, metric.getAsJsonArray("rawData").size());
        assertEquals(12.5, metric.get("score").getAsDouble(), 1e-12);
        assertEquals(all.getMeanErrorAt(0.999), metric.get("scoreError").getAsDouble(), 1e-12);
        JsonArray confidence = metric.getAsJsonArray("scoreConfidence");
        assertEquals(12.5 - all.getMeanErrorAt(0.999), confidence.get(0).getAsDouble(), 1e-12);
        assertEquals(15.0, metric.getAsJsonObject("scorePercentiles").get("100.0").getAsDouble());
        assertEquals("ms/op", metric.get("scoreUnit").getAsString());
        assertEquals("org.example.Cpu.run", merged.get("benchmark").getAsString());
    }

    @Test
    void aSecondaryMetricEveryForkHasIsMergedAndOneSomeLackIsDropped() {
        String gc = "{\"gc\": {\"score\": 1.0, \"scoreError\": 0.0, \"scoreUnit\": \"MB/sec\", \"rawData\": [[1.0, 1.0]]},"
                + " \"only-first\": {\"score\": 2.0, \"scoreError\": 0.0, \"scoreUnit\": \"x\", \"rawData\": [[2.0]]}}";
        String gcOnly = "{\"gc\": {\"score\": 3.0, \"scoreError\": 0.0, \"scoreUnit\": \"MB/sec\", \"rawData\": [[3.0, 3.0]]}}";

        JsonObject merged = JsonParser.parseString(ForkMerge.merge(List.of(record(1, "[[1.0, 2.0]]", gc),
                record(1, "[[3.0, 4.0]]", gcOnly)))).getAsJsonArray().get(0).getAsJsonObject();

        JsonObject secondary = merged.getAsJsonObject("secondaryMetrics");
        assertEquals(2.0, secondary.getAsJsonObject("gc").get("score").getAsDouble(), 1e-12);
        assertFalse(secondary.has("only-first"));
    }

    @Test
    void oneRoundKeepsJmhsOwnText() {
        String only = record(1, "[[1.0, 2.0]]", "{}");

        assertSame(only, ForkMerge.merge(List.of(only)));
    }

    private static String record(int forks, String rawData, String secondary) {
        return "[{\"benchmark\": \"org.example.Cpu.run\", \"mode\": \"avgt\", \"forks\": " + forks + ", \"params\": {\"model\":"
                + " \"virtual\"}, \"primaryMetric\": {\"score\": 0, \"scoreError\": 0, \"scoreConfidence\": [0, 0],"
                + " \"scorePercentiles\": {}, \"scoreUnit\": \"ms/op\", \"rawData\": " + rawData + "},"
                + " \"secondaryMetrics\": " + secondary + "}]";
    }
}
