package org.concurrencybench.processes.parent;

import java.util.List;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workload;

/** The failures of a run that uses worker processes, worded the same way by both models. */
public final class RunFailures {

    private RunFailures() {
    }

    /** The run failed because of {@code cause}: a unit's exception, or a worker that died or broke the protocol. */
    public static RunFailedException failed(String modelId, Workload workload, RuntimeException cause) {
        return new RunFailedException(modelId, workload.describe(), cause.getMessage(), cause);
    }

    /** The workers in {@code silent} (at least one) sent no reply before the run's deadline. */
    static RunFailedException hung(String modelId, Workload workload, List<WorkerProcess> silent, String within) {
        WorkerFailedException cause = silent.get(0).failure("sent no reply " + within + "; it is still running");
        String others = silent.size() == 1 ? ""
                : " (and " + (silent.size() - 1) + " more: pid " + silent.subList(1, silent.size()).stream()
                        .map(worker -> String.valueOf(worker.pid())).toList() + ")";
        return new RunFailedException(modelId, workload.describe(), cause.getMessage() + others, cause);
    }
}
