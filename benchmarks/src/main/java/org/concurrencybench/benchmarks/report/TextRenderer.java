package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/** The tables of a {@link Document} as aligned plain text, for the console. */
public final class TextRenderer {

    private TextRenderer() {
    }

    /** The document's tables, each under its heading; paragraphs and charts are left to the report files. */
    public static String tables(Document document) {
        return tables(document.blocks());
    }

    /**
     * The document's tables as {@link #tables(Document)} prints them, but the section headed
     * {@code last} (its heading at level 1, up to the next) at the end, wherever the document
     * has it: the summary a console should end on.
     */
    public static String tables(Document document, String last) {
        List<Document.Block> others = new ArrayList<>();
        List<Document.Block> ending = new ArrayList<>();
        boolean inLast = false;
        for (Document.Block block : document.blocks()) {
            if (block instanceof Document.Heading heading && heading.level() == 1) {
                inLast = heading.text().equals(last);
            }
            (inLast ? ending : others).add(block);
        }
        return tables(others) + tables(ending);
    }

    /** The tables of the section headed {@code heading} (level 1, up to the next) alone. */
    public static String section(Document document, String heading) {
        List<Document.Block> section = new ArrayList<>();
        boolean in = false;
        for (Document.Block block : document.blocks()) {
            if (block instanceof Document.Heading title && title.level() == 1) {
                in = title.text().equals(heading);
            }
            if (in) {
                section.add(block);
            }
        }
        return tables(section);
    }

    private static String tables(List<Document.Block> blocks) {
        StringBuilder out = new StringBuilder();
        String heading = null;
        for (Document.Block block : blocks) {
            switch (block) {
                case Document.Heading title -> heading = (title.level() == 1 ? "\n" : "") + title.text();
                case Document.Table table -> {
                    if (heading != null) {
                        out.append(heading).append('\n');
                        heading = null;
                    }
                    table(out, table);
                }
                default -> {
                }
            }
        }
        return out.toString();
    }

    static void table(StringBuilder out, Document.Table table) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.header());
        for (List<Document.Cell> cells : table.rows()) {
            lines.add(cells.stream().map(cell -> cell.emphasised() && !cell.text().isEmpty() ? cell.text() + " *" : cell.text())
                    .toList());
        }
        int columns = table.header().size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder("  ");
            for (int column = 0; column < columns; column++) {
                String cell = line.get(column);
                String padding = " ".repeat(widths[column] - cell.length());
                text.append(column < table.labelColumns() ? cell + padding : padding + cell);
                text.append(column + 1 < columns ? "   " : "");
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }
}
