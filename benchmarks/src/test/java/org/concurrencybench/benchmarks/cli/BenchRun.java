package org.concurrencybench.benchmarks.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in this JVM, with what it printed. */
record BenchRun(int exitCode, String out, String err) {

    static BenchRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Bench.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new BenchRun(code, out.toString(), err.toString());
    }
}
