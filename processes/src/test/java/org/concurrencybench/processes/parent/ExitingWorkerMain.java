package org.concurrencybench.processes.parent;

/** A worker that writes two lines to standard error and exits with {@link #EXIT_CODE} before it is ready. */
public final class ExitingWorkerMain {

    static final int EXIT_CODE = 5;
    static final String FIRST_LINE = "starting, but not for long";
    static final String LAST_LINE = "giving up with code 5";

    private ExitingWorkerMain() {
    }

    public static void main(String[] args) {
        System.err.println(FIRST_LINE);
        System.err.println(LAST_LINE);
        System.err.flush();
        System.exit(EXIT_CODE);
    }
}
