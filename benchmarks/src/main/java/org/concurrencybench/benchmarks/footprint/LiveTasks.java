package org.concurrencybench.benchmarks.footprint;

import java.util.List;
import org.concurrencybench.core.Park;

/**
 * How many tasks are alive in a measuring JVM: the {@link Park} units waiting in it (an async
 * model counts a unit whose timer is pending), plus its live worker processes. A process model
 * runs a unit in a worker JVM, where this JVM's count cannot see it, and a worker runs one unit
 * at a time, whether the model starts one per task or keeps P long-lived ones. So a live
 * worker counts as one task alive.
 */
final class LiveTasks {

    private LiveTasks() {
    }

    static int count() {
        return Park.alive() + workers().size();
    }

    /** The live processes this JVM started, and theirs. */
    static List<ProcessHandle> workers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }
}
