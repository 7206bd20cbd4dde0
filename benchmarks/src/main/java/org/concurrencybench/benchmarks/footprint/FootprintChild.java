package org.concurrencybench.benchmarks.footprint;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.concurrencybench.benchmarks.bare.BareTwin;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Park;

/**
 * The main class of a measuring JVM: {@code FootprintChild <model> <tasks>}, where the model may
 * also be a bare twin's id, measured by {@link TwinHold}. It creates the
 * model with P = the available processors, warms it up ({@link WarmUp}), collects the heap and
 * starts counting the peak resident set from there; then it holds {@code tasks} units alive at
 * once and measures, or measures at once when {@code tasks} is 0 (the baseline). The report
 * goes to standard output as one line ({@link ChildReport}); then the run is cancelled and the
 * model closed.
 *
 * <p>Exit codes ({@link ExitCode}): 0 done; 1 the model could not be made or warmed up (the
 * report says why); 2 bad arguments; 3 the model did not end its units when the run was
 * cancelled (the report stands, but the model broke its contract).
 */
public final class FootprintChild {

    private FootprintChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length != 2 || !args[1].matches("\\d{1,9}")) {
            System.err.println("usage: FootprintChild <model or bare twin> <tasks>, tasks a whole number from 0");
            System.exit(ExitCode.USAGE.code());
        }
        String modelId = args[0];
        int tasks = Integer.parseInt(args[1]);
        JvmSettings jvm = JvmSettings.ofThisJvm();
        boolean clean;
        Optional<BareTwin.Memory> twin = BareTwin.byId(modelId).flatMap(BareTwin::memory);
        if (twin.isPresent()) {
            try {
                clean = TwinHold.run(modelId, twin.get().hold(), tasks, jvm, out);
            } catch (RuntimeException | Error failed) {
                // a platform thread the machine cannot start, or a heap too small for the tasks
                exitFailed(modelId, tasks, failed, new ChildReport.Readied(0, false), jvm, out);
                return;
            }
        } else {
            clean = runModel(modelId, tasks, jvm, out);
        }
        if (!clean || Park.alive() != 0) {
            System.err.println(modelId + " did not end its units within the time allowed after the run was cancelled ("
                    + Park.alive() + " still waiting)");
            System.exit(ExitCode.UNCLEAN.code());
        }
        // the model is closed; nothing of it may keep this JVM alive, and nothing else should
        System.exit(ExitCode.OK.code());
    }

    /** Measures model {@code modelId}; returns whether its run ended when it was cancelled. */
    private static boolean runModel(String modelId, int tasks, JvmSettings jvm, PrintStream out)
            throws InterruptedException {
        boolean clean = true;
        ChildReport.Readied warmUp = new ChildReport.Readied(0, false);
        try (ConcurrencyModel model = ModelRegistry.create(modelId, Runtime.getRuntime().availableProcessors())) {
            warmUp = new ChildReport.Readied(WarmUp.run(model), MemoryUse.countPeaksFromNow());
            if (tasks == 0) {
                out.println(ChildReport.measured(modelId, 0, MemoryUse.measure(), 0, warmUp, jvm).toLine());
            } else {
                clean = hold(model, tasks, warmUp, jvm, out);
            }
        } catch (RuntimeException | Error failed) {
            // a model that cannot be made or warmed up
            exitFailed(modelId, tasks, failed, warmUp, jvm, out);
        }
        return clean;
    }

    /** Reports {@code failed} as the command can show it, leaves the trace for its log, and exits with {@link ExitCode#FAILED}. */
    private static void exitFailed(String modelId, int tasks, Throwable failed, ChildReport.Readied warmUp, JvmSettings jvm,
                                   PrintStream out) {
        out.println(ChildReport.notMeasured(modelId, tasks, CellOutcome.FAILED, describe(failed), 0, warmUp, jvm).toLine());
        failed.printStackTrace();
        System.exit(ExitCode.FAILED.code());
    }

    /** The failure and where it was thrown: a bare exception without a message says little else. */
    private static String describe(Throwable failed) {
        StackTraceElement[] trace = failed.getStackTrace();
        return failed + (trace.length == 0 ? "" : " (at " + trace[0] + ")");
    }

    /** Holds the tasks and reports; returns whether the run ended when it was cancelled. */
    private static boolean hold(ConcurrencyModel model, int tasks, ChildReport.Readied warmUp, JvmSettings jvm,
                                PrintStream out) throws InterruptedException {
        Optional<String> limit = model.limit(TaskHold.batch(tasks));
        if (limit.isPresent()) {
            out.println(ChildReport.notMeasured(model.id(), tasks, CellOutcome.NOT_APPLICABLE, limit.get(), 0, warmUp, jvm)
                    .toLine());
            return true;
        }
        PlatformThreadBudget budget = PlatformThreadBudget.ofThisMachine(jvm.threadStackSizeKb());
        TaskHold hold = TaskHold.start(model, tasks, warmUp, jvm);
        try (hold) {
            out.println(hold.awaitAllAlive(budget).toLine());
        }
        return hold.ended();
    }
}
