package org.concurrencybench.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./bench list}: Models, workloads with their defaults, and the available processors. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Models, workloads with their defaults, and the available processors.")
public final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench list is not built yet");
    }
}
