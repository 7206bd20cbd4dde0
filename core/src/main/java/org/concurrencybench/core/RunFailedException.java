package org.concurrencybench.core;

/** A run that failed because a unit (or a worker) failed; the cause is what failed. */
public class RunFailedException extends RuntimeException {

    private final String model;
    private final String workload;

    public RunFailedException(String model, Workload workload, Throwable cause) {
        this(model, workload.describe(), cause.toString(), cause);
    }

    public RunFailedException(String model, String workload, String problem, Throwable cause) {
        super("model " + model + ", workload " + workload + ": " + problem, cause);
        this.model = model;
        this.workload = workload;
    }

    public String model() {
        return model;
    }

    public String workload() {
        return workload;
    }
}
