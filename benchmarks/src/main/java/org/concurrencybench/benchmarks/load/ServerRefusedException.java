package org.concurrencybench.benchmarks.load;

/** A model whose server JVM declined to serve the sizes asked for: its {@code limit(Serve)}, in its own words. */
final class ServerRefusedException extends Exception {

    ServerRefusedException(String reason) {
        super(reason);
    }
}
