package org.concurrencybench.benchmarks.footprint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;

/**
 * {@code footprint.json}: what a footprint run set out to measure, where, and one record per
 * model and N.
 *
 * @param status    {@code complete}, {@code running} (rewritten after every record) or {@code interrupted}
 * @param tasks     the values of N, in order
 * @param holdMs    how long each unit would have waited had the run not been cancelled
 */
record FootprintResults(String status, List<String> models, List<Integer> tasks, long holdMs,
                        FootprintEnvironment environment, List<FootprintRecord> records) {

    static final String FILE_NAME = "footprint.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    FootprintResults {
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        records = List.copyOf(records);
    }

    String toJson() {
        return GSON.toJson(this) + "\n";
    }

    static FootprintResults fromJson(String json) {
        return GSON.fromJson(json, FootprintResults.class);
    }

    /** The record of {@code model} at {@code tasks}; null if there is none yet. */
    FootprintRecord record(String model, int tasks) {
        return records.stream().filter(record -> record.model().equals(model) && record.tasks() == tasks).findFirst()
                .orElse(null);
    }
}
