package org.concurrencybench.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./bench report}: Rebuilds the report from saved jmh.json files. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rebuilds the report from saved jmh.json files.")
public final class ReportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench report is not built yet");
    }
}
