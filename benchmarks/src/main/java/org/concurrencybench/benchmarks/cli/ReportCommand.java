package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.report.Report;
import org.concurrencybench.benchmarks.report.ReportBuilder;
import org.concurrencybench.benchmarks.report.ReportWriter;
import org.concurrencybench.benchmarks.report.Source;
import org.concurrencybench.benchmarks.report.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench report FILE... [--baseline OTHER] [--out DIR]}: the report rebuilt from saved
 * jmh.json files. Several files merge into one report, each labelled by the environment.json
 * beside it; with a baseline, every cell also shows its ratio to the baseline's, and the report
 * ends with how well the runs agree over the cells both measured. A single run's report joins
 * the servers under load when its folder holds a load run (load.json).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuilds the report from saved jmh.json files.",
                "Several files merge into one report, side by side; each is labelled by the environment.json beside it."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JMH JSON results (jmh.json from bench compare, or any -rf json file)")
    private List<Path> files;

    @Option(names = "--baseline", paramLabel = "OTHER",
            description = "a jmh.json to compare against: each cell shows its ratio to the same cell there, and the"
                    + " report ends with how well the runs agree (the share of cells within 5% and 10%, the median"
                    + " difference, the share inside the baseline's error interval, the cells changed beyond both error bars)")
    private Path baseline;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where report.md, report.html and the charts go (default: the folder of FILE when there is"
                    + " one FILE and no baseline, so that a run's report is rebuilt in place; else results/report-<timestamp>/)")
    private Path out;

    @Spec
    private CommandSpec spec;

    /** A single run's own folder; a merged or compared report gets a folder of its own rather than replacing one. */
    private Path defaultFolder() {
        if (files.size() == 1 && baseline == null) {
            return files.getFirst().toAbsolutePath().getParent();
        }
        return ResultsFolders.timestamped("report-");
    }

    @Override
    public Integer call() throws IOException {
        List<Source> loaded = new ArrayList<>();
        for (Path file : files) {
            loaded.add(Source.load(file));
        }
        List<Source> sources = Source.labelled(loaded);
        Source baselineSource = null;
        if (baseline != null) {
            List<Source> withBaseline = new ArrayList<>(loaded);
            withBaseline.add(Source.load(baseline));
            // labelled together, so that the baseline's label differs from every other
            baselineSource = Source.labelled(withBaseline).getLast();
        }
        Path folder = OutputFolder.ready(out != null ? out : defaultFolder(), out != null);
        Report report = ReportBuilder.build(sources, baselineSource);
        if (files.size() == 1 && baseline == null) {
            report = SuiteReport.joined(report, files.getFirst().toAbsolutePath().getParent(), folder);
        }
        ReportWriter.write(report, folder);
        PrintWriter console = spec.commandLine().getOut();
        console.print(TextRenderer.tables(report.document(), ReportBuilder.SUMMARY));
        console.println();
        console.println("Report: " + folder.resolve(ReportWriter.MARKDOWN) + " (and " + ReportWriter.HTML + ", "
                + ReportWriter.charts(report.charts().size()) + ")");
        return ExitCode.OK.code();
    }
}
