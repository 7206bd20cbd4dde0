package org.concurrencybench.benchmarks.newmodel;

/**
 * A worker process that dies before it is ready: it writes {@link #LAST_WORDS} to standard
 * error and exits with {@link #EXIT_CODE}, as a worker that cannot start or crashes does.
 */
public final class DyingWorkerMain {

    public static final int EXIT_CODE = 3;
    public static final String LAST_WORDS = "the worker gives up on purpose";

    private DyingWorkerMain() {
    }

    public static void main(String[] args) {
        System.err.println(LAST_WORDS);
        System.err.flush();
        System.exit(EXIT_CODE);
    }
}
