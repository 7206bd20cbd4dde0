package org.concurrencybench.benchmarks.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain text columns two spaces apart, numbers right-aligned, for a terminal or a paste into
 * a discussion. The widths are fixed up front so that a table can be printed a row at a
 * time while its runs go on; the last column is free text and never padded.
 */
public final class TextTable {

    /** A column: its header, its width (at least the header's), and whether it holds numbers. */
    public record Column(String header, int width, boolean numeric) {

        public Column {
            width = Math.max(width, header.length());
        }

        public static Column text(String header, int width) {
            return new Column(header, width, false);
        }

        public static Column number(String header, int width) {
            return new Column(header, width, true);
        }
    }

    private static final String GAP = "  ";

    private final List<Column> columns;

    public TextTable(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** A table of text columns as wide as their widest cell. */
    public static TextTable fitting(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            columns.add(Column.text(headers.get(i), widths[i]));
        }
        return new TextTable(columns);
    }

    public String header() {
        return line(columns.stream().map(Column::header).toList());
    }

    public String row(String... cells) {
        return line(Arrays.asList(cells));
    }

    String row(List<String> cells) {
        return line(cells);
    }

    /** The header and then every row. */
    public List<String> lines(List<List<String>> rows) {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(header());
        rows.forEach(row -> lines.add(row(row)));
        return lines;
    }

    private String line(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row of this table has " + columns.size() + " cells, got "
                    + cells.size() + ": " + cells);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Column column = columns.get(i);
            String cell = cells.get(i);
            boolean last = i == cells.size() - 1;
            String padding = " ".repeat(Math.max(0, column.width() - cell.length()));
            if (i > 0) {
                line.append(GAP);
            }
            if (column.numeric()) {
                line.append(padding).append(cell);
            } else {
                line.append(cell).append(last ? "" : padding);
            }
        }
        return line.toString().stripTrailing();
    }
}
