package org.concurrencybench.benchmarks.report;

import java.util.List;

/** A report ready to write: the document and the charts it refers to by file name. */
public record Report(Document document, List<Chart> charts) {

    public Report {
        charts = List.copyOf(charts);
    }

    /** One chart, written as {@code file} beside the report. */
    public record Chart(String file, Plot plot) {
    }
}
