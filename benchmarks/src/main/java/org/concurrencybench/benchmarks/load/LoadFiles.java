package org.concurrencybench.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.benchmarks.common.AtomicFiles;
import org.concurrencybench.benchmarks.report.Document;
import org.concurrencybench.benchmarks.report.HtmlRenderer;
import org.concurrencybench.benchmarks.report.MarkdownRenderer;

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

    static void writeAll(Path folder, LoadResults results) throws IOException {
        AtomicFiles.write(folder.resolve(JSON), results.toJson());
        Set<Integer> charted = new TreeSet<>();
        for (int cores : results.plan().cores()) {
            Optional<byte[]> chart = LoadChart.png(results, cores);
            if (chart.isPresent()) {
                AtomicFiles.write(folder.resolve(chartName(cores)), chart.get());
                charted.add(cores);
            }
        }
        Document document = LoadDocument.of(results, charted);
        AtomicFiles.write(folder.resolve(MARKDOWN), MarkdownRenderer.render(document));
        AtomicFiles.write(folder.resolve(HTML), HtmlRenderer.render(document));
    }
}
