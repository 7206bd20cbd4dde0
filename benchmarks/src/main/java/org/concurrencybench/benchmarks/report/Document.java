package org.concurrencybench.benchmarks.report;

import java.util.List;

/**
 * A report as blocks of text and tables, before it is written: the same document becomes
 * Markdown, HTML and the summary printed on the console, so the three never disagree.
 */
public record Document(String title, List<Block> blocks) {

    public Document {
        blocks = List.copyOf(blocks);
    }

    /** A part of the document. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Table, Image {
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

    /** A table cell; an emphasised one is shown in bold (the best of its column). */
    public record Cell(String text, boolean emphasised) {

        public static Cell plain(String text) {
            return new Cell(text, false);
        }
    }

    /** A chart, by its file name beside the report. */
    public record Image(String file, String description) implements Block {
    }
}
