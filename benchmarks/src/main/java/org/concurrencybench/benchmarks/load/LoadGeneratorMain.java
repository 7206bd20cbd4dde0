package org.concurrencybench.benchmarks.load;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.concurrencybench.benchmarks.common.AtomicFiles;

/**
 * The load generator in a JVM of its own, so that its threads and garbage do not share a heap
 * with the server it measures: {@code LoadGeneratorMain --port N --expect index --rate R ...}
 * (see {@link LoadOptions#USAGE}). It prints the result, writes the files asked for and exits 0;
 * a usage error prints one line and exits 2; a run that could not be made exits 1.
 */
public final class LoadGeneratorMain {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private LoadGeneratorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
            if (options.help()) {
                out.print(LoadOptions.USAGE);
                return DONE;
            }
            if (!options.capacity()) {
                return load(options, out, err);
            }
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            return USAGE;
        }
        try {
            return capacity(options, out, err);
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            return USAGE;
        }
    }

    private static int load(LoadOptions options, PrintStream out, PrintStream err) throws InterruptedException {
        LoadGenerator generator = new LoadGenerator(options.settings(), options.bodies());
        try {
            LoadResult result = generator.run();
            out.print(LoadResultText.describe(result));
            if (options.hgrm().isPresent()) {
                AtomicFiles.write(options.hgrm().get(), result.correctedHgrm());
            }
            if (options.uncorrectedHgrm().isPresent()) {
                AtomicFiles.write(options.uncorrectedHgrm().get(), result.uncorrectedHgrm());
            }
            if (options.json().isPresent()) {
                AtomicFiles.write(options.json().get(), generator.measuredPeriodNanoTimes()
                        .map(period -> LoadResultJson.toJson(result, period)).orElseGet(() -> LoadResultJson.toJson(result)));
            }
            return DONE;
        } catch (IOException failed) {
            err.println(failed.getMessage());
            return FAILED;
        }
    }

    private static int capacity(LoadOptions options, PrintStream out, PrintStream err) throws InterruptedException {
        int connections = options.settings().connections();
        try {
            GeneratorCapacity capacity = GeneratorCapacity.measure(connections, options.settings().duration(),
                    options.settings().rate());
            for (GeneratorCapacity.Probe probe : capacity.probes()) {
                out.printf(Locale.ROOT, "offered %,9.0f/s  achieved %,9.0f/s  p50 %9.3f ms  p99 %9.3f ms  errors %,d"
                                + "  cpu %.1f us/request  %s%n", probe.offeredRate(), probe.achievedRate(),
                        probe.correctedP50Ms(), probe.correctedP99Ms(), probe.errors(), probe.cpuMicrosPerRequest(),
                        probe.kept() ? "kept" : "lost");
            }
            out.printf(Locale.ROOT, "capacity with %,d connections: %,.0f requests/s, %.2f us of generator CPU a request%n",
                    connections, capacity.topRate(), capacity.cpuMicrosPerRequest());
            if (options.json().isPresent()) {
                AtomicFiles.write(options.json().get(), new GsonBuilder().setPrettyPrinting().create().toJson(capacity)
                        + "\n");
            }
            return DONE;
        } catch (IOException failed) {
            err.println(failed.getMessage());
            return FAILED;
        }
    }
}
