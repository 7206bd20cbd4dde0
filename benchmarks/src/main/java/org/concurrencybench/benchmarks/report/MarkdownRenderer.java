package org.concurrencybench.benchmarks.report;

import java.util.List;

/** A {@link Document} as GitHub-flavoured Markdown. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(Document document) {
        StringBuilder out = new StringBuilder("# ").append(inline(document.title())).append("\n\n");
        for (Document.Block block : document.blocks()) {
            switch (block) {
                case Document.Heading heading ->
                        out.append("#".repeat(heading.level() + 1)).append(' ').append(inline(heading.text())).append("\n\n");
                case Document.Paragraph paragraph -> out.append(inline(paragraph.text())).append("\n\n");
                case Document.Bullets bullets -> {
                    bullets.items().forEach(item -> out.append("- ").append(inline(item)).append('\n'));
                    out.append('\n');
                }
                case Document.Table table -> table(out, table);
                case Document.Contents ignored -> {
                    document.contents().forEach(item -> out.append("- ").append(cellText(item)).append('\n'));
                    out.append('\n');
                }
                case Document.Image image ->
                        out.append("![").append(inline(image.description())).append("](").append(image.file()).append(")\n\n");
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Document.Table table) {
        row(out, table.header().stream().map(MarkdownRenderer::cellText).toList());
        StringBuilder rule = new StringBuilder("|");
        for (int column = 0; column < table.header().size(); column++) {
            rule.append(column < table.labelColumns() ? " --- |" : " ---: |");
        }
        out.append(rule).append('\n');
        for (List<Document.Cell> cells : table.rows()) {
            row(out, cells.stream().map(cell -> cell.emphasised() && !cell.text().isEmpty()
                    ? "**" + cellText(cell) + "**" : cellText(cell)).toList());
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        cells.forEach(cell -> out.append(' ').append(cell).append(" |"));
        out.append('\n');
    }

    /** A cell's text, a link to its anchor when it has one (GitHub gives each heading that id). */
    private static String cellText(Document.Cell cell) {
        return cell.anchor() == null ? cellText(cell.text()) : "[" + cellText(cell.text()) + "](#" + cell.anchor() + ")";
    }

    private static String cellText(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Escapes what Markdown would otherwise take for emphasis or markup. */
    private static String inline(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }
}
