package org.concurrencybench.benchmarks.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.ResultsFileException;

/**
 * {@code run.json}: what a comparison set out to measure and what became of each cell. JMH's
 * JSON holds only what was measured; this holds the rest (n/a with the model's reason, a
 * failure with its cause, what an interruption left unrun), so that a report rebuilt from the
 * saved files shows every gap with its reason.
 *
 * @param status     {@code complete}, {@code failed}, {@code interrupted} or {@code running}
 * @param settings   the JMH settings in words: forks, warm-up, measurement
 * @param parameters each workload's sizes; a swept size lists its values, such as {@code 0,65536}
 */
public record RunRecord(String status, String profile, String settings, List<String> models, List<String> workloads,
                        List<Integer> cores, Map<String, Map<String, String>> parameters, List<Cell> cells) {

    public static final String FILE_NAME = "run.json";

    /**
     * One model x workload x P and what became of it.
     *
     * @param sizes the sizes of this cell, one value each (a sweep has a cell per value); null in
     *              run records written before sweeps, whose cells have the workload's {@code parameters}
     */
    public record Cell(String workload, String model, int cores, CellOutcome outcome, String reason,
                       Map<String, String> sizes) {

        public Cell(String workload, String model, int cores, CellOutcome outcome, String reason) {
            this(workload, model, cores, outcome, reason, null);
        }
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this);
    }

    /** The run record beside {@code resultsFile}, or null if there is none. */
    public static RunRecord readBeside(Path resultsFile) {
        Path file = besideOf(resultsFile, FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            RunRecord record = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunRecord.class);
            if (record == null || record.cells() == null) {
                throw new ResultsFileException(file, "is empty or has no \"cells\"; expected the run record that bench compare writes");
            }
            return record;
        } catch (IOException | JsonParseException unreadable) {
            throw new ResultsFileException(file, "cannot be read as a run record (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    static Path besideOf(Path resultsFile, String name) {
        Path folder = resultsFile.toAbsolutePath().getParent();
        return folder.resolve(name);
    }
}
