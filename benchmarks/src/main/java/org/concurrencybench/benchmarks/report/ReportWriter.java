package org.concurrencybench.benchmarks.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.concurrencybench.benchmarks.common.AtomicFiles;

/** Writes a report into a folder: the charts first, then report.md and report.html, each file atomically. */
public final class ReportWriter {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private ReportWriter() {
    }

    /**
     * Writes every file of {@code report} into {@code folder}; returns the files written. A chart
     * that cannot be drawn does not cost the report: report.md and report.html are written
     * anyway, then the failure is thrown.
     */
    public static List<Path> write(Report report, Path folder) throws IOException {
        prepareGraphics();
        List<Path> written = new ArrayList<>();
        List<String> failedCharts = new ArrayList<>();
        for (Report.Chart chart : report.charts()) {
            Path file = folder.resolve(chart.file());
            try {
                AtomicFiles.write(file, Charts.png(chart.plot()));
                written.add(file);
            } catch (IOException | RuntimeException cannotDraw) {
                failedCharts.add(chart.file() + " (" + cannotDraw + ")");
            }
        }
        Path markdown = folder.resolve(MARKDOWN);
        AtomicFiles.write(markdown, MarkdownRenderer.render(report.document()));
        written.add(markdown);
        Path html = folder.resolve(HTML);
        AtomicFiles.write(html, HtmlRenderer.render(report.document()));
        written.add(html);
        if (!failedCharts.isEmpty()) {
            throw new IOException("the report was written, but these charts could not be drawn: "
                    + String.join("; ", failedCharts));
        }
        return written;
    }

    /** {@code 1 chart}, {@code 5 charts}. */
    public static String charts(int count) {
        return count + (count == 1 ? " chart" : " charts");
    }

    /**
     * Readies Java's graphics for drawing charts off screen: headless, as on a server without a
     * display; PNGs encoded in memory rather than through ImageIO's file cache; the fonts
     * loaded. The file cache and the fonts register shutdown hooks when first used, which the
     * JVM refuses once it is shutting down: a command that may write its report from a shutdown
     * hook (after Ctrl-C) calls this first.
     */
    public static void prepareGraphics() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ImageIO.setUseCache(false);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            for (Font font : List.of(new Font(Font.SANS_SERIF, Font.PLAIN, 10), new Font(Font.SANS_SERIF, Font.BOLD, 10))) {
                graphics.setFont(font);
                graphics.drawString("P 0123456789", 0, 8);
            }
        } finally {
            graphics.dispose();
        }
    }
}
