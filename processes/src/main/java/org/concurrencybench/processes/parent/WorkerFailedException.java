package org.concurrencybench.processes.parent;

import java.io.Serial;
import java.util.OptionalInt;

/**
 * A worker process that died, answered garbage, or hung: the message names its pid, its exit
 * code when it has exited, and the last lines of its standard error, which is usually where
 * the reason is.
 *
 * <p>It is serialisable, fields and all: JMH sends what a benchmark threw from its fork to the
 * host as a serialised object, and an exception that cannot be written there reaches the host
 * as the writer's own failure instead of this one. The message holds every fact as well, so a
 * failure printed or reduced to its text still says which worker, how it ended and why.
 */
public final class WorkerFailedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long pid;
    /** Null while the worker had not exited; an {@code OptionalInt} could not be serialised. */
    private final Integer exitCode;
    private final String stderrTail;

    WorkerFailedException(String message, long pid, OptionalInt exitCode, String stderrTail) {
        super(message);
        this.pid = pid;
        this.exitCode = exitCode.isPresent() ? exitCode.getAsInt() : null;
        this.stderrTail = stderrTail;
    }

    public long pid() {
        return pid;
    }

    /** The worker's exit code, if it had exited when the failure was seen. */
    public OptionalInt exitCode() {
        return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
    }

    /** The last lines the worker wrote to standard error; empty if it wrote none. */
    public String stderrTail() {
        return stderrTail;
    }
}
