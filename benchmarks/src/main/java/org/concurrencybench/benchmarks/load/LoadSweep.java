package org.concurrencybench.benchmarks.load;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.concurrencybench.benchmarks.common.AtomicFiles;
import org.concurrencybench.benchmarks.common.Environment;
import org.concurrencybench.benchmarks.common.EnvironmentProbe;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.compare.CoreHolding;
import org.concurrencybench.benchmarks.report.ReportWriter;
import org.concurrencybench.core.ModelRegistry;

/**
 * One run of {@code bench load}: the generator's own capacity once, then for every model and P a
 * fresh server JVM held to P cores, and for each offered rate a generator JVM that warms up and
 * measures; load.json after every rate, the .hgrm of each, then load.md, load.html and a chart
 * per P. Ctrl-C ends the server and generator JVMs from a shutdown hook and writes what finished;
 * whichever of the two ends the run does so under one lock, so the files are written once.
 */
public final class LoadSweep {

    /** A rate is sustained when at least this share of it was achieved (and within the objective, without errors). */
    public static final double SUSTAINED_SHARE = 0.95;
    /** A figure at an offered rate above this share of the generator's capacity may be the generator's. */
    public static final double GENERATOR_SHARE = 0.5;

    private final LoadPlan plan;
    private final PrintWriter out;
    private final GeneratorJvm generator = new GeneratorJvm();
    private final Object lock = new Object();
    private final List<ModelLoad> done = new ArrayList<>();
    private final List<LoadPoint> current = new ArrayList<>();
    private ServerJvm server;
    private CoreHolding holding;
    private GeneratorCapacityFigure capacity;
    private boolean ended;
    private final long started = System.nanoTime();

    /**
     * The generator's capacity as the command measured it.
     *
     * @param ceiling the rate the probes stopped at, so that a top rate equal to it means "at least":
     *                with a list of rates there is no need to probe past twice the highest
     */
    public record GeneratorCapacityFigure(int connections, double topRate, double ceiling) {

        /** {@code 80,000/s}, or {@code at least 16,000/s} when the probes stopped at their ceiling. */
        public String describe() {
            return (topRate >= ceiling ? "at least " : "") + LoadNumbers.rate(topRate);
        }
    }

    public LoadSweep(LoadPlan plan, PrintWriter out) {
        this.plan = plan;
        this.out = out;
    }

    /** Measures every model at every P; OK when each was measured or is n/a, FAILED when one failed. */
    public ExitCode run() throws IOException, InterruptedException {
        if (Files.exists(plan.out().resolve(LoadFiles.JSON))) {
            throw new IllegalArgumentException("--out " + plan.out() + " already holds results (" + LoadFiles.JSON
                    + "); choose another folder, or leave --out out for a new one under results/");
        }
        ReportWriter.prepareGraphics();
        holding = CoreHolding.detect();
        Thread interruption = new Thread(this::interrupted, "bench-load-interrupted");
        Runtime.getRuntime().addShutdownHook(interruption);
        try {
            // a comparison's folder keeps the environment of its JMH forks; load.json names the server JVMs' options
            if (!Files.exists(plan.out().resolve(Environment.FILE_NAME))) {
                AtomicFiles.write(plan.out().resolve(Environment.FILE_NAME),
                        EnvironmentProbe.capture(holding.describe(), ServerJvm.OPTIONS).toJson());
            }
            printHeader();
            capacity = measureCapacity();
            write("running");
            int total = plan.models().size() * plan.cores().size();
            int index = 0;
            for (String model : plan.models()) {
                for (int cores : plan.cores()) {
                    index++;
                    ModelLoad measured = measure(model, cores, index, total);
                    synchronized (lock) {
                        if (ended) {
                            return ExitCode.FAILED;
                        }
                        done.add(measured);
                        current.clear();
                        write("running");
                    }
                }
            }
            synchronized (lock) {
                if (ended) {
                    return ExitCode.FAILED;
                }
                ended = true;
                writeAll("complete");
            }
            printSummary();
            return done.stream().anyMatch(load -> load.outcome().equals(ModelLoad.FAILED)) ? ExitCode.FAILED : ExitCode.OK;
        } finally {
            removeHook(interruption);
        }
    }

    private GeneratorCapacityFigure measureCapacity() throws IOException, InterruptedException {
        long start = System.nanoTime();
        out.printf(Locale.ROOT, "  the generator's capacity with %,d connections, against a server that answers at once ...%n",
                plan.connections());
        out.flush();
        Path json = plan.out().resolve(LoadFiles.CAPACITY);
        double ceiling = plan.auto() ? LoadSettings.MAX_RATE : plan.rates().getLast() / GENERATOR_SHARE;
        JsonObject figure = generator.run(List.of("--capacity", "--connections", Integer.toString(plan.connections()),
                "--duration", plan.capacityProbe().toMillis() + "ms", "--rate", Double.toString(ceiling)), json,
                plan.capacityProbe().multipliedBy(60));
        GeneratorCapacityFigure capacity = new GeneratorCapacityFigure(plan.connections(),
                figure.get("topRate").getAsDouble(), ceiling);
        out.printf(Locale.ROOT, "      %s (%s); figures above %s are marked generator-bound%n",
                capacity.describe(), seconds(start), LoadNumbers.rate(GENERATOR_SHARE * capacity.topRate()));
        out.flush();
        return capacity;
    }

    private ModelLoad measure(String model, int cores, int index, int total) throws IOException, InterruptedException {
        String width = String.valueOf(total);
        out.printf(Locale.ROOT, "[%" + width.length() + "d/%s] %-40s %s%n", index, width, model + " at P = " + cores,
                left(total - index + 1));
        out.flush();
        OptionalInt atOnce = ModelRegistry.provider(model).description().requestsAtOnce().of(plan.serve(), cores);
        // a keep-alive connection carries one request at a time (no pipelining): the connections bound every model
        Integer requestsAtOnce = Math.min(atOnce.orElse(Integer.MAX_VALUE), plan.connections());
        Double concurrencyLimit = plan.serve().delayMs() == 0 ? null : requestsAtOnce * 1000.0 / plan.serve().delayMs();
        ServerJvm started;
        try {
            started = ServerJvm.start(model, cores, plan.serve(), holding);
        } catch (ServerRefusedException refused) {
            out.println("      n/a: " + refused.getMessage());
            return new ModelLoad(model, cores, ModelLoad.NOT_APPLICABLE, refused.getMessage(), List.of(), null, null,
                    requestsAtOnce, concurrencyLimit);
        } catch (IOException failed) {
            out.println("      failed: " + failed.getMessage());
            return new ModelLoad(model, cores, ModelLoad.FAILED, failed.getMessage(), List.of(), null, null,
                    requestsAtOnce, concurrencyLimit);
        }
        synchronized (lock) {
            server = started;
            if (ended) {
                started.close();
                throw new InterruptedException("the load run is stopping");
            }
        }
        List<LoadPoint> points = new ArrayList<>();
        String failure = null;
        try (started; CpuSampler cpu = new CpuSampler(started::cpuNanos, model + "-cpu-sampler")) {
            RateSteps steps = new RateSteps(plan, capacity.topRate(), concurrencyLimit);
            for (double rate = steps.first(); ; ) {
                long start = System.nanoTime();
                LoadPoint point;
                try {
                    point = measureRate(model, cores, rate, started, cpu);
                } catch (IOException failed) {
                    failure = "at " + LoadNumbers.rate(rate) + ": " + failed.getMessage()
                            + (started.alive() ? "" : "; the server JVM had ended" + started.lastWords());
                    out.println("      failed " + failure);
                    break;
                }
                points.add(point);
                synchronized (lock) {
                    if (ended) {
                        throw new InterruptedException("the load run is stopping");
                    }
                    current.add(point);
                    write("running");
                }
                out.println("      " + describe(point) + " (" + seconds(start) + ")");
                out.flush();
                OptionalDouble next = steps.after(point);
                if (next.isEmpty()) {
                    break;
                }
                rate = next.getAsDouble();
            }
        } finally {
            synchronized (lock) {
                server = null;
            }
        }
        // in the order of their rates, for the tables and charts: auto measures the knee's rates last
        points.sort(Comparator.comparingDouble(LoadPoint::offeredRate));
        Double headline = points.stream().filter(LoadPoint::sustained).mapToDouble(LoadPoint::offeredRate).boxed()
                .reduce(Math::max).orElse(null);
        Double cpuLimit = cpuLimit(points, cores);
        return new ModelLoad(model, cores, failure == null ? ModelLoad.MEASURED : ModelLoad.FAILED, failure, points,
                headline, cpuLimit, requestsAtOnce, concurrencyLimit);
    }

    /**
     * P divided by the server's CPU time per request at the highest rate it sustained (at the
     * lowest rate measured when it sustained none): at a low rate the JVM's fixed costs (the
     * compiler still at work, collections, a thousand idle connections) are shared by few
     * requests, and a limit taken there came out below rates the same server then sustained. It
     * still counts a share of those costs in every request, so it is a cautious limit.
     */
    static Double cpuLimit(List<LoadPoint> points, int cores) {
        LoadPoint basis = points.stream().filter(LoadPoint::sustained)
                .max(Comparator.comparingDouble(LoadPoint::offeredRate))
                .orElse(points.isEmpty() ? null : points.getFirst());
        if (basis == null || basis.cpuMicrosPerRequest() == null || basis.cpuMicrosPerRequest() <= 0) {
            return null;
        }
        return cores * 1e6 / basis.cpuMicrosPerRequest();
    }

    private LoadPoint measureRate(String model, int cores, double rate, ServerJvm target, CpuSampler cpu)
            throws IOException, InterruptedException {
        String name = LoadFiles.pointName(model, cores, rate);
        Path hgrm = plan.out().resolve(name + ".hgrm");
        Path json = Files.createTempFile(plan.out(), "." + name, ".json");
        try {
            List<String> arguments = List.of("--port", Integer.toString(target.port()),
                    "--expect", ExpectedBodies.nameOf(plan.serve()),
                    "--rate", Double.toString(rate),
                    "--warmup", plan.warmup().toMillis() + "ms",
                    "--duration", plan.duration().toMillis() + "ms",
                    "--connections", Integer.toString(plan.connections()),
                    "--units", Integer.toString(plan.serve().units()),
                    "--hgrm", hgrm.toString());
            Duration bound = plan.warmup().plus(plan.duration()).plus(LoadSettings.DEFAULT_TIMEOUT);
            JsonObject result = generator.run(arguments, json, bound);
            return point(model, cores, rate, result, target, cpu, hgrm.getFileName().toString());
        } finally {
            Files.deleteIfExists(json);
        }
    }

    private LoadPoint point(String model, int cores, double rate, JsonObject result, ServerJvm target, CpuSampler cpu,
                            String hgrm) {
        JsonObject corrected = result.getAsJsonObject("latencyMs").getAsJsonObject("corrected");
        LatencySummary latency = new LatencySummary(corrected.get("count").getAsLong(), corrected.get("p50").getAsDouble(),
                corrected.get("p90").getAsDouble(), corrected.get("p99").getAsDouble(), corrected.get("p999").getAsDouble(),
                corrected.get("max").getAsDouble(), corrected.get("mean").getAsDouble());
        JsonObject errorsJson = result.getAsJsonObject("errors");
        Map<String, Long> errors = new LinkedHashMap<>();
        for (Map.Entry<String, com.google.gson.JsonElement> kind : errorsJson.entrySet()) {
            if (kind.getKey().equals("total")) {
                continue;
            }
            if (kind.getValue().isJsonObject()) {
                for (Map.Entry<String, com.google.gson.JsonElement> status : kind.getValue().getAsJsonObject().entrySet()) {
                    errors.put("status " + status.getKey(), status.getValue().getAsLong());
                }
            } else if (kind.getValue().getAsLong() > 0) {
                errors.put(kind.getKey(), kind.getValue().getAsLong());
            }
        }
        long errorCount = errorsJson.get("total").getAsLong();
        long completed = result.get("completed").getAsLong();
        double achieved = result.get("achievedRate").getAsDouble();
        Double cpuMicros = null;
        if (result.has("measuredFromNanoTime") && completed > 0) {
            OptionalDouble spent = cpu.between(result.get("measuredFromNanoTime").getAsLong(),
                    result.get("measuredToNanoTime").getAsLong());
            if (spent.isPresent()) {
                cpuMicros = spent.getAsDouble() / 1e3 / completed;
            }
        }
        OptionalLong rss = target.peakRssBytes();
        boolean withinSlo = plan.slo().of(latency) <= plan.slo().limitMs();
        boolean sustained = withinSlo && errorCount == 0 && achieved >= SUSTAINED_SHARE * rate;
        return new LoadPoint(model, cores, rate, achieved, completed, latency.p50(), latency.p90(), latency.p99(),
                latency.p999(), latency.max(), errorCount, errors, cpuMicros, rss.isPresent() ? rss.getAsLong() : null,
                withinSlo, sustained, rate > GENERATOR_SHARE * capacity.topRate(), hgrm);
    }

    private String describe(LoadPoint point) {
        return String.format(Locale.ROOT, "offered %s: achieved %s, p50 %s, p99 %s, max %s, errors %,d, server CPU %s%s%s",
                LoadNumbers.rate(point.offeredRate()), LoadNumbers.rate(point.achievedRate()),
                LoadNumbers.millis(point.p50Ms()), LoadNumbers.millis(point.p99Ms()), LoadNumbers.millis(point.maxMs()),
                point.errorCount(), point.cpuMicrosPerRequest() == null ? "-"
                        : String.format(Locale.ROOT, "%.0f us/request", point.cpuMicrosPerRequest()),
                point.sustained() ? "" : point.withinSlo() ? ", not sustained" : ", beyond " + plan.slo().describe(),
                point.generatorBound() ? ", generator-bound" : "");
    }

    private void printHeader() {
        out.println("bench load: " + String.join(", ", plan.models()) + " at P = " + plan.cores().stream()
                .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ", rates "
                + (plan.auto() ? "auto (from " + LoadNumbers.rate(LoadPlan.AUTO_START) + ", doubling until the server saturates)"
                : plan.rates().stream().map(LoadNumbers::rate).reduce((a, b) -> a + ", " + b).orElse("")));
        out.printf(Locale.ROOT, "  each rate: %s warm-up, %s measured, %,d connections; objective %s; service work=%,d,"
                        + " delayMs=%d, units=%,d, poolThreads=%d%n", DurationText.format(plan.warmup()),
                DurationText.format(plan.duration()), plan.connections(), plan.slo().describe(), plan.serve().work(),
                plan.serve().delayMs(), plan.serve().units(), plan.serve().poolThreads());
        out.println("  each server in a JVM of its own held to P cores (" + holding.describe() + ")");
        out.println("  output: " + plan.out());
        out.flush();
    }

    private void printSummary() {
        out.println();
        for (ModelLoad load : done) {
            out.println("  " + LoadDocument.headlineSentence(load, plan));
        }
        out.println("Results: " + plan.out().resolve(LoadFiles.MARKDOWN) + " (and " + LoadFiles.JSON + ", "
                + LoadFiles.HTML + ", the .hgrm files)");
        out.flush();
    }

    /** {@code about 4 min 10 s left}: the rates still to run at the plan's length each, or the pace so far. */
    private String left(int remaining) {
        double perRate = (plan.warmup().plus(plan.duration()).toMillis() / 1e3) + 2;
        double perModel = perRate * (plan.auto() ? 5 : plan.rates().size()) + 3;
        return "about " + duration(remaining * perModel) + " left";
    }

    private String seconds(long start) {
        return duration((System.nanoTime() - start) / 1e9);
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return whole / 60 + " min " + whole % 60 + " s";
        }
        return whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }

    private LoadResults results(String status) {
        List<ModelLoad> loads = new ArrayList<>(done);
        return new LoadResults(status, plan, holding.describe(), capacity, (System.nanoTime() - started) / 1e9, loads, List.copyOf(current));
    }

    private void write(String status) throws IOException {
        AtomicFiles.write(plan.out().resolve(LoadFiles.JSON), results(status).toJson());
    }

    private void writeAll(String status) throws IOException {
        LoadFiles.writeAll(plan.out(), results(status));
    }

    /** The shutdown hook: Ctrl-C or a kill ends the server and generator JVMs and writes what finished. */
    private void interrupted() {
        ServerJvm running;
        synchronized (lock) {
            if (ended) {
                return;
            }
            ended = true;
            running = server;
        }
        generator.stop();
        if (running != null) {
            running.close();
        }
        synchronized (lock) {
            try {
                writeAll("interrupted");
                out.println();
                out.println("Interrupted; what finished is in " + plan.out());
            } catch (IOException | RuntimeException cannotWrite) {
                out.println("Interrupted; the results could not be completed: " + cannotWrite);
            }
            out.flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it ends the run
        }
    }
}
