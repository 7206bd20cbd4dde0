package org.concurrencybench.benchmarks.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.python.Python;
import org.concurrencybench.benchmarks.python.PythonHarness;
import org.concurrencybench.benchmarks.python.PythonModels;
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
 *
 * <p>With {@code --python} (or Python models named in {@code --models}) CPython's own models run
 * the same two demonstrations after the Java ones, each in an interpreter of its own, printing
 * the same facts in the same form: that interpreter's pid and main thread, then what its tasks
 * print. Where no usable python3 is found, each says n/a with the reason.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The notebook's two demonstrations (who runs a task; workers that tick), for every model;"
                + " --python adds CPython's own.")
public final class DemoCommand implements Callable<Integer> {

    static final int PARALLELISM = 2;
    static final int TASKS = 2;
    static final int TICKS = 5;
    static final double MAX_SCALE = 10;

    @Option(names = "--models", paramLabel = "a,b", description = "Models to run the demo on, Java's and Python's"
            + " (default: every Java model); see: bench list.")
    private String models;

    @Option(names = "--python", description = "Also run the demo on CPython's models (those named in --models, else"
            + " all of them), after the Java ones.")
    private boolean python;

    @Option(names = "--scale", paramLabel = "factor", defaultValue = "1.0",
            description = "Multiplies the workers' tick delay of 1 s (default: ${DEFAULT-VALUE}); more than 0, at most 10.")
    private String scale;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<String> named = Selection.models(models, PythonModels.ids());
        List<String> javaIds = named.stream().filter(id -> !PythonModels.has(id)).toList();
        List<String> pythonIds = named.stream().filter(PythonModels::has).toList();
        if (python && pythonIds.isEmpty()) {
            pythonIds = PythonModels.ids();
        }
        long delayMs = tickDelayMs(scale);
        if (javaIds.isEmpty() && pythonIds.isEmpty()) {
            throw new IllegalStateException("no models on the class path to run the demo on; build them with ./mvnw install");
        }
        PrintWriter out = spec.commandLine().getOut();
        SystemOutRedirect unitsPrintHere = SystemOutRedirect.to(out);
        boolean first = true;
        try {
            for (String id : javaIds) {
                first = separate(first, out);
                demonstrate(ModelRegistry.provider(id), delayMs, out);
            }
        } finally {
            unitsPrintHere.close();
        }
        if (!pythonIds.isEmpty()) {
            Python interpreter = Python.find();
            PythonHarness harness = interpreter.unavailable().isPresent() ? null : PythonHarness.open(interpreter);
            try {
                for (String id : pythonIds) {
                    first = separate(first, out);
                    out.println("== " + id + ", P = " + PARALLELISM + ": " + PythonModels.description(id).orElseThrow()
                            .summary());
                    if (harness == null) {
                        out.println("n/a: " + interpreter.unavailable().orElseThrow());
                    } else {
                        harness.demo(id, PARALLELISM, delayMs, out);
                    }
                    out.flush();
                }
            } finally {
                if (harness != null) {
                    harness.close();
                }
            }
        }
        return ExitCode.OK.code();
    }

    /** A blank line before every model's demo but the first. */
    private static boolean separate(boolean first, PrintWriter out) {
        if (!first) {
            out.println();
        }
        return false;
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
