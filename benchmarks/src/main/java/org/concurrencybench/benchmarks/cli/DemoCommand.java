package org.concurrencybench.benchmarks.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.WrongAnswerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench demo}: the notebook's two demonstrations, run by every selected model with
 * P = 2. First, which thread and which process runs each of two tasks; then two workers
 * that print time stamps, the second half as often as the first. The units print their own
 * lines, so what appears is what the model really did: a process model shows its workers'
 * pids, a virtual thread its carrier.
 *
 * <p>The notebook joins its threads one by one ("t1 thread joined"); a model runs a batch as
 * a whole, so the demo says "All tasks joined" once the run has returned.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The notebook's two demonstrations (who runs a task; workers that tick), for every model.")
public final class DemoCommand implements Callable<Integer> {

    static final int PARALLELISM = 2;
    static final int TASKS = 2;
    static final int TICKS = 5;
    static final double MAX_SCALE = 10;

    @Option(names = "--models", paramLabel = "a,b", description = "Models to run the demo on (default: all); see: bench list.")
    private String models;

    @Option(names = "--scale", paramLabel = "factor", defaultValue = "1.0",
            description = "Multiplies the workers' tick delay of 1 s (default: ${DEFAULT-VALUE}); more than 0, at most 10.")
    private String scale;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> modelIds = Selection.models(models);
        long delayMs = tickDelayMs(scale);
        if (modelIds.isEmpty()) {
            throw new IllegalStateException("no models on the class path to run the demo on; build them with ./mvnw install");
        }
        PrintWriter out = spec.commandLine().getOut();
        SystemOutRedirect unitsPrintHere = SystemOutRedirect.to(out);
        try {
            for (int i = 0; i < modelIds.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                demonstrate(ModelRegistry.provider(modelIds.get(i)), delayMs, out);
            }
        } finally {
            unitsPrintHere.close();
        }
        return ExitCode.OK.code();
    }

    /** The delay of Worker-1's ticks: the notebook's one second, times {@code --scale}. */
    static long tickDelayMs(String scale) {
        double factor;
        try {
            factor = Double.parseDouble(scale.strip());
        } catch (NumberFormatException notANumber) {
            factor = Double.NaN;
        }
        if (!(factor > 0 && factor <= MAX_SCALE)) {
            throw new IllegalArgumentException("--scale takes a number more than 0 and at most 10 (1 ticks once a"
                    + " second, as the notebook does; 0.1 ten times as fast), got '" + scale + "'");
        }
        return Math.round(1000 * factor);
    }

    private static void demonstrate(ModelProvider provider, long delayMs, PrintWriter out) throws InterruptedException {
        out.println("== " + provider.id() + ", P = " + PARALLELISM + ": " + provider.summary());
        provider.caveatInThisJvm(PARALLELISM).ifPresent(note -> out.println("note: " + note));
        try (ConcurrencyModel model = provider.create(PARALLELISM)) {
            out.println("ID of process running main program: " + ProcessHandle.current().pid());
            out.println("Main thread name: " + WhoRuns.describe(Thread.currentThread()));
            if (runChecked(model, new Batch("demo", new WhoRuns(), TASKS), out)) {
                out.println("All tasks joined");
            }
            out.println();
            if (runChecked(model, new Batch("demo", new Ticker(delayMs, TICKS), TASKS), out)) {
                out.println("Exiting Main Thread");
            }
        }
    }

    /** Runs the batch and checks its answer; a limit the model declares is shown, not run. */
    private static boolean runChecked(ConcurrencyModel model, Batch batch, PrintWriter out) throws InterruptedException {
        Optional<String> limit = model.limit(batch);
        if (limit.isPresent()) {
            out.println("n/a: " + limit.get());
            return false;
        }
        WrongAnswerException.check(model.id(), batch, model.run(batch));
        return true;
    }
}
