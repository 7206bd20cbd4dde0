package org.concurrencybench.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./bench verify}: Runs every model x workload once and checks each answer. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Runs every model x workload once and checks each answer.")
public final class VerifyCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench verify is not built yet");
    }
}
