package org.concurrencybench.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.benchmarks.common.AtomicFiles;
import org.concurrencybench.benchmarks.report.Document;
import org.concurrencybench.benchmarks.report.HtmlRenderer;
import org.concurrencybench.benchmarks.report.MarkdownRenderer;
import org.concurrencybench.benchmarks.report.Report;

/** The files of a load run, each written atomically: load.json, a chart per P, load.md and load.html. */
public final class LoadFiles {

    public static final String JSON = "load.json";
    public static final String MARKDOWN = "load.md";
    public static final String HTML = "load.html";
    public static final String CAPACITY = "generator-capacity.json";

    private LoadFiles() {
    }

    /** {@code virtual-p2-1000}: the name of one point's files. */
    static String pointName(String model, int cores, double rate) {
        String rateText = rate == Math.rint(rate) ? String.format(Locale.ROOT, "%.0f", rate)
                : String.format(Locale.ROOT, "%.1f", rate).replace('.', '_');
        return model + "-p" + cores + "-" + rateText;
    }

    /** {@code load-p2.png}: the chart of P. */
    static String chartName(int cores) {
        return "load-p" + cores + ".png";
    }

    /** {@code load-percentiles-p2.png}: the latency distributions of P at one common rate. */
    static String distributionChartName(int cores) {
        return "load-percentiles-p" + cores + ".png";
    }

    static void writeAll(Path folder, LoadResults results) throws IOException {
        AtomicFiles.write(folder.resolve(JSON), results.toJson());
        Document document = document(results, folder, folder);
        AtomicFiles.write(folder.resolve(MARKDOWN), MarkdownRenderer.render(document));
        AtomicFiles.write(folder.resolve(HTML), HtmlRenderer.render(document));
    }

    /**
     * The load report of {@code results}, whose .hgrm files are in {@code source}, with its
     * charts written into {@code target}.
     */
    static Document document(LoadResults results, Path source, Path target) throws IOException {
        Set<Integer> charted = new TreeSet<>();
        Map<Integer, Double> distributions = new TreeMap<>();
        for (int cores : results.plan().cores()) {
            Optional<byte[]> chart = LoadChart.png(results, cores);
            if (chart.isPresent()) {
                AtomicFiles.write(target.resolve(chartName(cores)), chart.get());
                charted.add(cores);
            }
            Optional<byte[]> distribution = LoadPercentileChart.png(results, cores, source);
            if (distribution.isPresent()) {
                AtomicFiles.write(target.resolve(distributionChartName(cores)), distribution.get());
                distributions.put(cores, LoadPercentileChart.commonRate(results, cores).orElseThrow());
            }
        }
        return LoadDocument.of(results, charted, distributions);
    }

    /**
     * {@code report} with the load run of {@code loadJson} joined to its end as one more part,
     * the load's charts drawn into {@code target}, the folder the report is written to.
     */
    public static Report joined(Report report, Path loadJson, Path target) throws IOException {
        LoadResults results = LoadResultsReader.read(loadJson);
        Document load = document(results, loadJson.toAbsolutePath().getParent(), target);
        List<Document.Block> blocks = new ArrayList<>(report.document().blocks());
        blocks.add(new Document.Heading(1, load.title()));
        blocks.addAll(load.blocks());
        return new Report(new Document(report.document().title(), blocks), report.charts());
    }
}
