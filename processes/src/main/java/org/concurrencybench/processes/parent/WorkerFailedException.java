package org.concurrencybench.processes.parent;

import java.util.OptionalInt;

/**
 * A worker process that died, answered garbage, or hung: the message names its pid, its exit
 * code when it has exited, and the last lines of its standard error, which is usually where
 * the reason is.
 */
public final class WorkerFailedException extends RuntimeException {

    private final long pid;
    private final OptionalInt exitCode;
    private final String stderrTail;

    WorkerFailedException(String message, long pid, OptionalInt exitCode, String stderrTail) {
        super(message);
        this.pid = pid;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    public long pid() {
        return pid;
    }

    /** The worker's exit code, if it had exited when the failure was seen. */
    public OptionalInt exitCode() {
        return exitCode;
    }

    /** The last lines the worker wrote to standard error; empty if it wrote none. */
    public String stderrTail() {
        return stderrTail;
    }
}
