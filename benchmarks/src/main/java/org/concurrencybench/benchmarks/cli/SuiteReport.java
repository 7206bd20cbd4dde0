package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.benchmarks.compare.Comparison;
import org.concurrencybench.benchmarks.load.LoadFiles;
import org.concurrencybench.benchmarks.report.Report;
import org.concurrencybench.benchmarks.report.ReportBuilder;
import org.concurrencybench.benchmarks.report.ReportWriter;
import org.concurrencybench.benchmarks.report.Source;

/**
 * The suite's one report of a run's folder: the JMH comparison, and after it the servers under
 * load when the folder holds a load run too (load.json beside jmh.json).
 */
final class SuiteReport {

    private SuiteReport() {
    }

    /** Rewrites the report of the comparison in {@code folder} with its load run joined; returns it. */
    static Report rewrite(Path folder) throws IOException {
        Source source = Source.labelled(List.of(Source.load(folder.resolve(Comparison.JMH_JSON)))).getFirst();
        Report report = joined(ReportBuilder.build(List.of(source), null), folder, folder);
        ReportWriter.write(report, folder);
        return report;
    }

    /**
     * {@code report} with the load run in {@code runFolder} joined to it when there is one, its
     * charts drawn into {@code target}; else {@code report} as it is.
     */
    static Report joined(Report report, Path runFolder, Path target) throws IOException {
        Path load = runFolder.resolve(LoadFiles.JSON);
        return Files.isRegularFile(load) ? LoadFiles.joined(report, load, target) : report;
    }
}
