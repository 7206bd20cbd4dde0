package org.concurrencybench.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./bench demo}: The notebook's two demonstrations, for every model. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "The notebook's two demonstrations, for every model.")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench demo is not built yet");
    }
}
