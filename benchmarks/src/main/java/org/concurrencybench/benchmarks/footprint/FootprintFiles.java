package org.concurrencybench.benchmarks.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.benchmarks.common.AtomicFiles;
import org.concurrencybench.benchmarks.report.MarkdownRenderer;

/** The files of a footprint run, each written atomically: footprint.json, footprint.png and footprint.md. */
final class FootprintFiles {

    static final String MARKDOWN = "footprint.md";

    private FootprintFiles() {
    }

    /** A folder for a new run: refused if it already holds one, so that no results are overwritten. */
    static void checkFree(Path folder) {
        if (Files.exists(folder.resolve(FootprintResults.FILE_NAME))) {
            throw new IllegalArgumentException("--out " + folder + " already holds results (" + FootprintResults.FILE_NAME
                    + "); choose another folder, or leave --out out for a new one under results/");
        }
    }

    /** footprint.json alone: rewritten after every record while the run goes on. */
    static Path writeJson(Path folder, FootprintResults results) throws IOException {
        Path json = folder.resolve(FootprintResults.FILE_NAME);
        AtomicFiles.write(json, results.toJson());
        return json;
    }

    /** Every file; returns those written. The chart is left out when there is no figure to draw. */
    static List<Path> writeAll(Path folder, FootprintResults results) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(writeJson(folder, results));
        Optional<byte[]> chart = FootprintChart.png(results);
        if (chart.isPresent()) {
            Path png = folder.resolve(FootprintDocument.CHART_FILE);
            AtomicFiles.write(png, chart.get());
            written.add(png);
        }
        Path markdown = folder.resolve(MARKDOWN);
        AtomicFiles.write(markdown, MarkdownRenderer.render(FootprintDocument.of(results, chart.isPresent())));
        written.add(markdown);
        return written;
    }
}
