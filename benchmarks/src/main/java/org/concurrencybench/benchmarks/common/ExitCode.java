package org.concurrencybench.benchmarks.common;

/**
 * How a process of the suite ends, the same for every command and job: each exit code the
 * module produces is one of these, so a script that runs {@code ./bench} can rely on them.
 */
public enum ExitCode {

    /** Done: every run was measured, verified or declared not applicable. */
    OK(0),
    /** A check failed: a wrong answer, a failed run, a malformed results file. */
    FAILED(1),
    /** A usage error, reported before anything ran: one line that names the problem and what is allowed. */
    USAGE(2),
    /**
     * A footprint measuring JVM whose model did not end its units when the run was cancelled:
     * its report stands, but the model broke its contract. {@code ./bench} itself never ends with it.
     */
    UNCLEAN(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The number the process exits with. */
    public int code() {
        return code;
    }
}
