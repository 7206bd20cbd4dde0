package org.concurrencybench.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./bench compare}: JMH across the core ladder; writes the report. */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "JMH across the core ladder; writes the report.")
public final class CompareCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench compare is not built yet");
    }
}
