package org.concurrencybench.benchmarks.python;

/**
 * A Python cell that did not measure: its message is the harness's one line naming the model and
 * the cause (a wrong answer, a unit that raised, an interpreter that would not start).
 */
public final class PythonRunException extends RuntimeException {

    private final boolean notApplicable;

    PythonRunException(String message, boolean notApplicable) {
        super(message);
        this.notApplicable = notApplicable;
    }

    /** Whether the model declared the work n/a when it was asked to run it. */
    public boolean notApplicable() {
        return notApplicable;
    }
}
