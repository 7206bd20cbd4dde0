package org.concurrencybench.benchmarks.footprint;

import java.io.PrintStream;
import org.concurrencybench.benchmarks.bare.BareHold;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.Park;

/**
 * What a measuring JVM does for a bare twin ({@link BareHold}) in place of a model: the same
 * warm-up with the twin's idiom, then {@code tasks} units of the same {@link Park}, each waiting
 * {@link TaskHold#HOLD_MS}, started the twin's way; measured once every unit is waiting, then
 * ended. The command runs a twin only at the N its model held, so it never asks for more
 * platform threads than the machine gave the model.
 */
final class TwinHold {

    private static final long POLL_MS = 20;

    private TwinHold() {
    }

    /** Measures {@code twin} with {@code tasks} alive (0: the baseline) and reports; returns whether every task ended. */
    static boolean run(String id, BareHold.Start twin, int tasks, JvmSettings jvm, PrintStream out)
            throws InterruptedException {
        ChildReport.Readied warmUp = new ChildReport.Readied(WarmUp.run(twin, Runtime.getRuntime().availableProcessors()),
                MemoryUse.countPeaksFromNow());
        if (tasks == 0) {
            out.println(ChildReport.measured(id, 0, MemoryUse.measure(), 0, warmUp, jvm).toLine());
            return true;
        }
        long started = System.nanoTime();
        try (BareHold hold = twin.start(new Park(TaskHold.HOLD_MS), tasks)) {
            while (Park.alive() < tasks) {
                if (System.nanoTime() - started > TaskHold.DEADLINE_NANOS) {
                    out.println(ChildReport.notMeasured(id, tasks, CellOutcome.FAILED, "only " + Checks.format(Park.alive())
                            + " of " + Checks.format(tasks) + " tasks were waiting after the deadline", Park.alive(), warmUp,
                            jvm).toLine());
                    return true;
                }
                Thread.sleep(POLL_MS);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(ChildReport.measured(id, tasks, MemoryUse.measure(), seconds, warmUp, jvm).toLine());
        }
        return Park.alive() == 0;
    }
}
