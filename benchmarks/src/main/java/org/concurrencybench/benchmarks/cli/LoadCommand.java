package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.concurrencybench.benchmarks.common.Selection;
import org.concurrencybench.benchmarks.load.GeneratorCapacity;
import org.concurrencybench.benchmarks.load.LoadPlan;
import org.concurrencybench.benchmarks.load.LoadSweep;
import org.concurrencybench.benchmarks.load.ServeSizes;
import org.concurrencybench.benchmarks.load.Slo;
import org.concurrencybench.core.serve.Serve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench load}: every selected model's server under an open-loop load, at each P and each
 * offered rate, each server in a JVM of its own held to P cores and each rate from a generator JVM
 * of its own. Results go to {@code results/load-<timestamp>/}: load.json, a .hgrm per model, P
 * and rate, environment.json, load.md and load.html. Every option is checked before anything
 * starts or is written.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Servers under an open-loop load: latency against throughput, and the highest rate each model"
                + " sustains within a latency objective.",
                "Each model and P serves from a JVM of its own held to P cores; each rate comes from a generator JVM."})
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "a,b", description = "models to load (default: all); see: bench list")
    private String models;

    @Option(names = "--cores", paramLabel = "LIST", description = "P values, such as 1,2, or 'all' (default: the"
            + " processors this JVM sees)")
    private String cores;

    @Option(names = "--rates", paramLabel = "R,R|auto", description = "offered requests per second, such as"
            + " 500,1000,2000, or auto: from 250/s doubling until the server saturates (default: auto)")
    private String rates;

    @Option(names = "--duration", paramLabel = "D", description = "the measured period of each rate (default: 10s)")
    private String duration;

    @Option(names = "--warmup", paramLabel = "D", description = "the warm-up before it, discarded (default: 2s)")
    private String warmup;

    @Option(names = "--connections", paramLabel = "N", description = "keep-alive connections of the generator"
            + " (default: 1,000)")
    private int connections = LoadPlan.DEFAULT_CONNECTIONS;

    @Option(names = "--slo", paramLabel = "pNN=LATENCY", description = "the latency objective of a sustained rate,"
            + " from each request's intended start (default: p99 within 100 ms of the wait, p99=110ms for delayMs=10)")
    private String slo;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "the service's sizes: work (default 100), delayMs (10), units (1,000), poolThreads (200);"
                    + " repeatable")
    private List<String> params = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: results/load-<timestamp>/)")
    private Path out;

    /** Shorter probes for the tests, whose figures mean nothing; the default is GeneratorCapacity's. */
    @Option(names = "--capacity-probe", paramLabel = "D", hidden = true)
    private String capacityProbe;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> modelIds = Selection.models(models);
        if (modelIds.isEmpty()) {
            throw new IllegalStateException("no models are installed: the class path holds no ModelProvider;"
                    + " build the model modules, then the benchmarks");
        }
        List<Integer> chosenCores = Selection.cores(cores, List.of(Runtime.getRuntime().availableProcessors()));
        List<Double> chosenRates = LoadPlan.rates(rates);
        Duration measured = LoadPlan.period("--duration", duration, LoadPlan.DEFAULT_DURATION);
        Duration warm = LoadPlan.period("--warmup", warmup, LoadPlan.DEFAULT_WARMUP);
        int chosenConnections = LoadPlan.connections(connections);
        Serve serve = ServeSizes.parse(params);
        Slo objective = Slo.parse(slo, serve);
        Duration probe = LoadPlan.period("--capacity-probe", capacityProbe, GeneratorCapacity.DEFAULT_PROBE);
        Path folder = out != null ? out : ResultsFolders.timestamped("load-");
        LoadPlan plan = new LoadPlan(modelIds, chosenCores, chosenRates, measured, warm, chosenConnections, objective,
                serve, folder, probe);
        OutputFolder.ready(folder, out != null);
        return new LoadSweep(plan, spec.commandLine().getOut()).run().code();
    }
}
