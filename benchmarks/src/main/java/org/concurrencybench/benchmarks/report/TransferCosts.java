package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.Workloads;

/**
 * transfer's figures turned into what they are about: the cost of one unit, the figure divided
 * by the units, against the bytes a unit returns. One table per run, units and P: a row per
 * model, a column per payload, in microseconds per unit.
 *
 * @param sizes transfer's sizes but the payload, such as {@code units=100}
 */
record TransferCosts(Source source, Map<String, String> sizes, int cores, List<Long> payloads, List<Row> rows) {

    static final String WORKLOAD = "transfer";

    /** One model: its cost per unit at each payload it was measured at. */
    record Row(String model, Map<Long, PerUnit> byPayload) {
    }

    /** Microseconds per unit, ± the half-width of JMH's interval scaled the same way (NaN if none). */
    record PerUnit(double micros, double errorMicros) {
    }

    TransferCosts {
        sizes = new LinkedHashMap<>(sizes);
        payloads = List.copyOf(payloads);
        rows = List.copyOf(rows);
    }

    /** Every run's transfer figures that are times per operation, grouped; in run, sizes and P order. */
    static List<TransferCosts> of(List<Source> sources) {
        Map<Key, Map<String, Map<Long, PerUnit>>> groups = new LinkedHashMap<>();
        for (int index = 0; index < sources.size(); index++) {
            Source source = sources.get(index);
            for (Measurement measurement : source.measurements()) {
                if (!measurement.workload().equals(WORKLOAD)) {
                    continue;
                }
                Map<String, String> rest = new LinkedHashMap<>(measurement.sizes());
                long payload = number(rest.remove("payload"), Workloads.spec(WORKLOAD).parameters().stream()
                        .filter(parameter -> parameter.name().equals("payload")).findFirst().orElseThrow().defaultValue());
                long units = number(rest.get("units"), -1);
                OptionalDouble millis = measurement.millisPerOperation();
                if (payload < 0 || units <= 0 || millis.isEmpty()) {
                    continue;
                }
                double micros = millis.getAsDouble() * 1_000 / units;
                double error = measurement.errorMillis() * 1_000 / units;
                groups.computeIfAbsent(new Key(index, source, rest, measurement.cores()), ignored -> new LinkedHashMap<>())
                        .computeIfAbsent(measurement.model(), ignored -> new TreeMap<>())
                        .put(payload, new PerUnit(micros, error));
            }
        }
        List<TransferCosts> costs = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<Key, ?> entry) -> entry.getKey().sourceIndex())
                        .thenComparingInt(entry -> entry.getKey().cores()))
                .forEach(group -> {
                    TreeSet<Long> payloads = new TreeSet<>();
                    group.getValue().values().forEach(byPayload -> payloads.addAll(byPayload.keySet()));
                    List<Row> rows = group.getValue().entrySet().stream()
                            .sorted(Comparator.comparingInt(entry -> modelRank(entry.getKey())))
                            .map(entry -> new Row(entry.getKey(), entry.getValue())).toList();
                    Key key = group.getKey();
                    costs.add(new TransferCosts(key.source(), key.sizes(), key.cores(), List.copyOf(payloads), rows));
                });
        return costs;
    }

    /** The row of {@code model}, if it was measured. */
    Optional<Row> row(String model) {
        return rows.stream().filter(row -> row.model().equals(model)).findFirst();
    }

    /** {@code P = 2, units=100}. */
    String describe() {
        return "P = " + cores + (sizes.isEmpty() ? "" : ", " + sizes.entrySet().stream()
                .map(size -> size.getKey() + "=" + size.getValue()).collect(Collectors.joining(", ")));
    }

    /** A row per model, a column per payload; the cheapest of each column in bold. */
    Document.Table table() {
        List<String> header = new ArrayList<>(List.of("model"));
        payloads.forEach(payload -> header.add(Figures.bytes(payload)));
        List<List<Document.Cell>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<Document.Cell> line = new ArrayList<>(List.of(Document.Cell.plain(row.model())));
            for (long payload : payloads) {
                PerUnit cost = row.byPayload().get(payload);
                line.add(cost == null ? Document.Cell.plain("")
                        : new Document.Cell(Figures.scoreWithError(cost.micros(), cost.errorMicros()),
                                cost.micros() == cheapest(payload)));
            }
            cells.add(line);
        }
        return new Document.Table(header, cells, 1);
    }

    /** Microseconds per unit against the payload, a line per model, each with its error. */
    Plot plot(List<Source> sources) {
        int run = Charts.runIndex(sources, source);
        List<Plot.Series> series = new ArrayList<>();
        for (Row row : rows) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (long payload : payloads) {
                PerUnit cost = row.byPayload().get(payload);
                values.add(cost == null ? null : cost.micros());
                errors.add(cost == null ? null : cost.errorMicros());
            }
            series.add(new Plot.Series(row.model(), row.model(), run, values, errors));
        }
        String title = "transfer: cost per unit, " + describe() + (sources.size() > 1 ? " - " + source.label() : "")
                + RunMarks.of(List.of(source));
        return new Plot(title, "payload per unit", "µs per unit, lower is better; error bars: 99.9% interval",
                payloads.stream().map(Figures::bytes).toList(), series, Plot.Shape.LINES, true);
    }

    private double cheapest(long payload) {
        return rows.stream().map(row -> row.byPayload().get(payload)).filter(Objects::nonNull)
                .mapToDouble(PerUnit::micros).min().orElse(Double.NaN);
    }

    private static int modelRank(String model) {
        return Models.rank(model);
    }

    /** {@code text} as a whole number: {@code otherwise} when it is missing, -1 when it is not a number. */
    private static long number(String text, long otherwise) {
        return text == null ? otherwise : WorkloadSizes.number(text).orElse(-1);
    }

    private record Key(int sourceIndex, Source source, Map<String, String> sizes, int cores) {
    }
}
