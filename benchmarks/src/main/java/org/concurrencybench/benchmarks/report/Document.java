package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as blocks of text and tables, before it is written: the same document becomes
 * Markdown, HTML and the summary printed on the console, so the three never disagree.
 */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    /** A part of the document. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Table, Image, Contents {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullets(List<String> items) implements Block {

        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table whose first {@code labelColumns} columns name the row and are left-aligned. */
    public record Table(List<String> header, List<List<Cell>> rows, int labelColumns) implements Block {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A table cell; an emphasised one is shown in bold (the best of its column).
     *
     * @param anchor the heading the cell links to, as {@link #anchors()} names it; null for none
     */
    public record Cell(String text, boolean emphasised, String anchor) {

        public Cell(String text, boolean emphasised) {
            this(text, emphasised, null);
        }

        public static Cell plain(String text) {
            return new Cell(text, false);
        }

        public static Cell link(String text, String anchor) {
            return new Cell(text, false, anchor);
        }
    }

    /** The document's contents: a link to each of its top headings, wherever they come from. */
    public record Contents() implements Block {
    }

    /** A link to each top-level heading (level 1) after the {@link Contents} block, in order: what it shows. */
    public List<Cell> contents() {
        List<String> anchors = anchors();
        List<Cell> links = new ArrayList<>();
        int index = 1;
        boolean after = false;
        for (Block block : blocks) {
            after |= block instanceof Contents;
            if (block instanceof Heading heading) {
                if (after && heading.level() == 1) {
                    links.add(Cell.link(heading.text(), anchors.get(index)));
                }
                index++;
            }
        }
        return links;
    }

    /**
     * The anchor of each heading, in block order, the title's first: GitHub's rule (lower case,
     * punctuation dropped, spaces as hyphens, {@code -1}, {@code -2} after a repeat), so that a
     * link works in the HTML page, which sets these ids, and in report.md on GitHub alike.
     */
    public List<String> anchors() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> anchors = new ArrayList<>();
        anchors.add(unique(anchor(title), seen));
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                anchors.add(unique(anchor(heading.text()), seen));
            }
        }
        return anchors;
    }

    /** {@code cpu-limit2000000-units64} for {@code cpu (limit=2000000, units=64)}. */
    public static String anchor(String heading) {
        StringBuilder slug = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    private static String unique(String anchor, Map<String, Integer> seen) {
        int times = seen.merge(anchor, 1, Integer::sum);
        return times == 1 ? anchor : anchor + "-" + (times - 1);
    }

    /** A chart, by its file name beside the report. */
    public record Image(String file, String description) implements Block {
    }
}
