package org.concurrencybench.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.report.Document;
import org.concurrencybench.benchmarks.report.Document.Cell;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.RequestsAtOnce;

/**
 * The load report as a {@link Document}: what the figures measure, the headline per model and P
 * with the two limits beside it, a chart and a table per P, and which figures may be the
 * generator's. Every sentence is computed from the results and the models' own descriptions.
 */
final class LoadDocument {

    static final List<String> POINT_HEADER = List.of("model", "offered", "achieved", "p50", "p90", "p99", "p99.9", "max",
            "errors", "server CPU / request", "server peak RSS", "notes");

    private LoadDocument() {
    }

    /**
     * The report of {@code results}, with the hockey-stick chart of each P in {@code charted} and
     * the latency distributions of each P in {@code distributions} at the common rate it maps to.
     */
    static Document of(LoadResults results, Set<Integer> charted, Map<Integer, Double> distributions) {
        LoadPlan plan = results.plan();
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph(String.format(Locale.ROOT, "Each model serves GET /unit/<i>: it counts the primes"
                        + " among %,d numbers, waits %d ms (the call to a database) and answers; units 0 to %,d. Each model"
                        + " and P runs in a fresh server JVM of its own (%s), held to P cores: %s. A load generator in another"
                        + " JVM offers requests at a fixed rate over %,d keep-alive connections, open-loop: each"
                        + " request's latency counts from the moment it was due, not from when it could be sent, so a"
                        + " server that falls behind is charged for the whole queue it built. Each rate: %s of warm-up,"
                        + " discarded, then %s measured. A rate is sustained when at least %.0f%% of it was achieved,"
                        + " with no errors and %s.", plan.serve().work(), plan.serve().delayMs(), plan.serve().units() - 1,
                "java " + String.join(" ", ServerJvm.OPTIONS), results.coresHeld(), plan.connections(),
                DurationText.format(plan.warmup()), DurationText.format(plan.duration()), LoadSweep.SUSTAINED_SHARE * 100,
                plan.slo().describe())));
        blocks.add(new Document.Paragraph("The CPU limit is P divided by the server JVM's CPU time per request (user and"
                + " system, from /proc) at the highest rate it sustained: the rate at which its P cores would never"
                + " rest. That time still carries a share of the JVM's own costs (the compiler, collections, idle"
                + " connections), so the limit is a cautious one; and where the generator shares the server's cores,"
                + " the server cannot have all of them. The"
                + " concurrency limit is the requests the server holds at once through their waits divided by"
                + " the wait (Little's law). A keep-alive connection carries one request at a time, so the generator's"
                + " connections bound every model; a model that holds no thread through a wait, or makes one per"
                + " connection, has no bound of its own below that. The lower of the two limits binds."));
        poolSentence(results).ifPresent(text -> blocks.add(new Document.Paragraph(text)));
        if (results.capacity() != null) {
            blocks.add(new Document.Paragraph(String.format(Locale.ROOT, "The generator itself keeps %s with %,d"
                            + " connections against a server that answers at once, on this machine; a figure at an offered"
                            + " rate above %s (half of that) is marked generator-bound: it may measure the generator, or"
                            + " the cores it shares with the server, more than the server.",
                    results.capacity().describe(), results.capacity().connections(),
                    LoadNumbers.rate(LoadSweep.GENERATOR_SHARE * results.capacity().topRate()))));
        }
        blocks.add(new Document.Heading(2, "Highest rate sustained"));
        blocks.add(headlineTable(results));
        List<String> sentences = results.loads().stream().map(load -> headlineSentence(load, plan)).toList();
        if (!sentences.isEmpty()) {
            blocks.add(new Document.Bullets(sentences));
        }
        List<String> bound = generatorBound(results);
        if (!bound.isEmpty()) {
            blocks.add(new Document.Paragraph("Generator-bound figures: " + String.join("; ", bound) + "."));
        }
        for (int cores : plan.cores()) {
            blocks.add(new Document.Heading(2, "P = " + cores));
            if (charted.contains(cores)) {
                blocks.add(new Document.Image(LoadFiles.chartName(cores),
                        "p99 latency against achieved throughput at P = " + cores + ", one line per model"));
            }
            if (distributions.containsKey(cores)) {
                blocks.add(new Document.Image(LoadFiles.distributionChartName(cores), "latency by percentile at "
                        + LoadNumbers.rate(distributions.get(cores)) + " offered, the highest rate every model at P = "
                        + cores + " was offered, one line per model"));
            }
            blocks.add(pointTable(results, cores));
        }
        if (!results.status().equals("complete")) {
            blocks.add(new Document.Paragraph("The run is " + results.status() + ": the figures are those that finished."));
        }
        return new Document("Servers under an open-loop load", blocks);
    }

    /** The models whose server holds a fixed number of requests at once, and what that means. */
    private static Optional<String> poolSentence(LoadResults results) {
        List<String> capped = new ArrayList<>();
        for (String model : results.plan().models()) {
            RequestsAtOnce bound = ModelRegistry.provider(model).description().requestsAtOnce();
            if (bound == RequestsAtOnce.POOL_THREADS) {
                capped.add(model + " (a pool of " + results.plan().serve().poolThreads() + " handler threads, the"
                        + " poolThreads used here)");
            } else if (bound == RequestsAtOnce.PARALLELISM) {
                capped.add(model + " (P threads)");
            } else if (bound == RequestsAtOnce.PARALLELISM_AND_SPARES) {
                capped.add(model + " (P threads and up to " + RequestsAtOnce.SPARES + " spares while they block)");
            }
        }
        if (capped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("A server that holds a thread of a fixed pool through each wait, " + String.join(", ", capped)
                + ", sustains at most that many requests at once: past its concurrency limit its figure measures the"
                + " size of its pool, not the cost of threads.");
    }

    static String headlineSentence(ModelLoad load, LoadPlan plan) {
        String who = load.model() + " at P = " + load.cores();
        if (load.outcome().equals(ModelLoad.NOT_APPLICABLE)) {
            return who + ": n/a, " + load.reason();
        }
        String limits = "CPU limit " + (load.cpuLimit() == null ? "unmeasured" : LoadNumbers.rate(load.cpuLimit()))
                + ", concurrency limit " + (load.concurrencyLimit() == null ? "unbounded"
                : LoadNumbers.rate(load.concurrencyLimit()) + " (" + atOnce(load, plan) + ")");
        String binds = load.bindingLimit().isEmpty() ? "" : "; the " + load.bindingLimit() + " limit binds";
        String failed = load.outcome().equals(ModelLoad.FAILED) ? " (failed " + load.reason() + ")" : "";
        if (load.headlineRate() == null) {
            return who + " sustained none of its rates within " + plan.slo().describe() + " (" + limits + binds + ")" + failed;
        }
        double headline = load.headlineRate();
        boolean saturated = load.points().stream().anyMatch(point -> !point.sustained());
        boolean lowerMissed = load.points().stream().anyMatch(point -> !point.sustained() && point.offeredRate() < headline);
        return who + " sustained " + LoadNumbers.rate(headline) + " within " + plan.slo().describe()
                + (saturated ? "" : ", every rate offered (its limit lies higher)")
                + (lowerMissed ? ", though not every lower rate: a tail that comes and goes between rates is the"
                + " machine's noise more than the server's limit" : "")
                + " (" + limits + binds + ")" + failed;
    }

    /** {@code 200 at once}, or {@code 1,000 at once, one per connection} where the connections bound it. */
    private static String atOnce(ModelLoad load, LoadPlan plan) {
        return String.format(Locale.ROOT, "%,d at once", load.requestsAtOnce())
                + (load.requestsAtOnce() != null && load.requestsAtOnce() == plan.connections() ? ", one per connection" : "");
    }

    private static Document.Table headlineTable(LoadResults results) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ModelLoad load : results.loads()) {
            Long rss = load.points().stream().map(LoadPoint::peakRssBytes).filter(Objects::nonNull)
                    .max(Long::compare).orElse(null);
            rows.add(List.of(Cell.plain(load.model()), Cell.plain(Integer.toString(load.cores())),
                    Cell.plain(load.outcome().equals(ModelLoad.MEASURED) ? rate(load.headlineRate())
                            : load.outcome() + ": " + load.reason()),
                    Cell.plain(rate(load.cpuLimit())),
                    Cell.plain(!load.outcome().equals(ModelLoad.MEASURED) ? "-" : load.concurrencyLimit() == null ? "unbounded"
                            : LoadNumbers.rate(load.concurrencyLimit()) + " (" + atOnce(load, results.plan()) + ")"),
                    Cell.plain(load.bindingLimit().isEmpty() ? "-" : load.bindingLimit()),
                    Cell.plain(rss == null ? "-" : megabytes(rss))));
        }
        return new Document.Table(List.of("model", "P", "highest rate sustained", "CPU limit", "concurrency limit",
                "binds", "server peak RSS"), rows, 2);
    }

    private static Document.Table pointTable(LoadResults results, int cores) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ModelLoad load : results.loads()) {
            if (load.cores() != cores) {
                continue;
            }
            if (load.points().isEmpty()) {
                rows.add(List.of(Cell.plain(load.model()), Cell.plain(load.outcome() + ": " + load.reason()),
                        Cell.plain(""), Cell.plain(""), Cell.plain(""), Cell.plain(""), Cell.plain(""), Cell.plain(""),
                        Cell.plain(""), Cell.plain(""), Cell.plain(""), Cell.plain("")));
                continue;
            }
            for (LoadPoint point : load.points()) {
                List<String> notes = new ArrayList<>();
                if (!point.withinSlo()) {
                    notes.add("beyond " + results.plan().slo().describe());
                } else if (!point.sustained()) {
                    notes.add("not sustained");
                }
                if (point.generatorBound()) {
                    notes.add("generator-bound");
                }
                rows.add(List.of(Cell.plain(point.model()), Cell.plain(LoadNumbers.rate(point.offeredRate())),
                        Cell.plain(LoadNumbers.rate(point.achievedRate())), Cell.plain(LoadNumbers.millis(point.p50Ms())),
                        Cell.plain(LoadNumbers.millis(point.p90Ms())), Cell.plain(LoadNumbers.millis(point.p99Ms())),
                        Cell.plain(LoadNumbers.millis(point.p999Ms())), Cell.plain(LoadNumbers.millis(point.maxMs())),
                        Cell.plain(errors(point)),
                        Cell.plain(point.cpuMicrosPerRequest() == null ? "-"
                                : String.format(Locale.ROOT, "%.0f us", point.cpuMicrosPerRequest())),
                        Cell.plain(point.peakRssBytes() == null ? "-" : megabytes(point.peakRssBytes())),
                        Cell.plain(String.join(", ", notes))));
            }
        }
        return new Document.Table(POINT_HEADER, rows, 1);
    }

    private static List<String> generatorBound(LoadResults results) {
        return results.loads().stream().flatMap(load -> load.points().stream()).filter(LoadPoint::generatorBound)
                .map(point -> point.model() + " at P = " + point.cores() + ", " + LoadNumbers.rate(point.offeredRate()))
                .toList();
    }

    private static String errors(LoadPoint point) {
        if (point.errorCount() == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,d (", point.errorCount()) + point.errors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(kind -> kind.getKey() + " " + String.format(Locale.ROOT, "%,d", kind.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String rate(Double rate) {
        return rate == null ? "-" : LoadNumbers.rate(rate);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
    }
}
