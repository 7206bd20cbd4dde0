package org.concurrencybench.benchmarks.report;

import java.util.Iterator;
import java.util.List;

/** A {@link Document} as one self-contained HTML page; the charts are the PNG files beside it. */
public final class HtmlRenderer {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; max-width: 70em; margin: 2em auto; padding: 0 1em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
            th { background: #f3f3f3; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            img { max-width: 100%; }
            """;

    private HtmlRenderer() {
    }

    public static String render(Document document) {
        Iterator<String> anchors = document.anchors().iterator();
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1 id=\"")
                .append(escape(anchors.next())).append("\">").append(escape(document.title())).append("</h1>\n");
        for (Document.Block block : document.blocks()) {
            switch (block) {
                case Document.Heading heading -> {
                    int level = Math.min(6, heading.level() + 1);
                    out.append("<h").append(level).append(" id=\"").append(escape(anchors.next())).append("\">")
                            .append(escape(heading.text())).append("</h").append(level).append(">\n");
                }
                case Document.Contents ignored -> {
                    out.append("<ul>\n");
                    document.contents().forEach(item -> out.append("<li>").append(cell(item)).append("</li>\n"));
                    out.append("</ul>\n");
                }
                case Document.Paragraph paragraph -> out.append("<p>").append(escape(paragraph.text())).append("</p>\n");
                case Document.Bullets bullets -> {
                    out.append("<ul>\n");
                    bullets.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                    out.append("</ul>\n");
                }
                case Document.Table table -> table(out, table);
                case Document.Image image -> out.append("<p><img src=\"").append(escape(image.file())).append("\" alt=\"")
                        .append(escape(image.description())).append("\"></p>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, Document.Table table) {
        out.append("<table>\n<tr>");
        table.header().forEach(cell -> out.append("<th>").append(escape(cell)).append("</th>"));
        out.append("</tr>\n");
        for (List<Document.Cell> cells : table.rows()) {
            out.append("<tr>");
            for (int column = 0; column < cells.size(); column++) {
                Document.Cell cell = cells.get(column);
                out.append(column < table.labelColumns() ? "<td>" : "<td class=\"number\">");
                out.append(cell(cell));
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** A cell's text, in bold when emphasised, a link when it has an anchor. */
    private static String cell(Document.Cell cell) {
        String text = escape(cell.text());
        if (cell.anchor() != null) {
            text = "<a href=\"#" + escape(cell.anchor()) + "\">" + text + "</a>";
        }
        return cell.emphasised() ? "<strong>" + text + "</strong>" : text;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
