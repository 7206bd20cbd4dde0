package org.concurrencybench.benchmarks.compare;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.benchmarks.common.AtomicFiles;
import org.concurrencybench.benchmarks.common.Environment;
import org.concurrencybench.benchmarks.report.ReportBuilder;
import org.concurrencybench.benchmarks.report.RunRecord;

/**
 * The output folder of a comparison. jmh.json is one JSON array of JMH's results, each exactly
 * as JMH wrote it; it is rewritten (atomically) after every cell, so whatever stops the
 * comparison leaves every finished cell in it and nothing half-written.
 */
final class ResultsFolder {

    static final String JMH_JSON = "jmh.json";
    static final String JMH_LOG = ReportBuilder.JMH_LOG;

    private final Path folder;
    private final List<String> results = new ArrayList<>();

    private ResultsFolder(Path folder) {
        this.folder = folder;
    }

    /** The folder, created if needed; one that already holds results is refused rather than overwritten. */
    static ResultsFolder create(Path folder) throws IOException {
        if (Files.exists(folder.resolve(JMH_JSON))) {
            throw new IllegalArgumentException("--out " + folder + " already holds results (" + JMH_JSON
                    + "); choose another folder, or leave --out out for a new one under results/");
        }
        Files.createDirectories(folder);
        ResultsFolder results = new ResultsFolder(folder);
        results.writeJmhJson();
        return results;
    }

    Path path() {
        return folder;
    }

    Path jmhJson() {
        return folder.resolve(JMH_JSON);
    }

    Path log() {
        return folder.resolve(JMH_LOG);
    }

    /** Where JMH writes the results of the {@code index}-th cell before they join jmh.json. */
    Path partFile(int index) {
        return folder.resolve(".cell-" + index + ".json");
    }

    /** Adds the results in {@code part} (JMH's JSON array) to jmh.json, then deletes the part. */
    void addPart(Path part) throws IOException {
        addParts(List.of(part));
    }

    /**
     * Adds the results of one cell's forks, each run in a round of its own and written by JMH to
     * one of {@code parts}, to jmh.json as one record ({@link ForkMerge}); then deletes the parts.
     * A cell of one fork keeps JMH's own text.
     */
    void addParts(List<Path> parts) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path part : parts) {
            String text = Files.readString(part, StandardCharsets.UTF_8);
            try {
                if (!JsonParser.parseString(text).isJsonArray()) {
                    throw new IOException(part + ": JMH's results should be a JSON array");
                }
            } catch (JsonParseException malformed) {
                throw new IOException(part + ": JMH's results are not valid JSON: " + malformed.getMessage(), malformed);
            }
            texts.add(text);
        }
        String elements = ForkMerge.merge(texts).strip();
        elements = elements.substring(1, elements.length() - 1).strip();
        if (!elements.isEmpty()) {
            // one fork: the elements' own text, not a re-serialisation, so that jmh.json stays JMH's output
            results.add("    " + elements);
        }
        writeJmhJson();
        for (Path part : parts) {
            Files.deleteIfExists(part);
        }
    }

    /** Deletes what JMH left of a cell that did not finish (it creates the result file when it starts). */
    void deleteParts() throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, ".cell-*.json")) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    private void writeJmhJson() throws IOException {
        AtomicFiles.write(jmhJson(), results.isEmpty() ? "[\n]\n" : "[\n" + String.join(",\n", results) + "\n]\n");
    }

    void write(Environment environment) throws IOException {
        AtomicFiles.write(folder.resolve(Environment.FILE_NAME), environment.toJson() + "\n");
    }

    void write(RunRecord run) throws IOException {
        AtomicFiles.write(folder.resolve(RunRecord.FILE_NAME), run.toJson() + "\n");
    }
}
