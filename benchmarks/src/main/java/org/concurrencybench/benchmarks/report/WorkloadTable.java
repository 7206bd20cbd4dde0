package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.Workloads;

/**
 * Everything the sources hold about one workload at one set of sizes: a row per model (and
 * per source, when several are merged), a column per P. Results of different sizes are
 * different work and get different tables.
 */
public record WorkloadTable(String workload, Map<String, String> sizes, List<Integer> cores, List<Row> rows) {

    /** One model of one source: its measurements and its gaps (n/a, failed, not run), by P. */
    public record Row(Source source, String model, Map<Integer, Measurement> measured, Map<Integer, RunRecord.Cell> gaps) {

        /** Whether this is the row the others are set against: a model with no concurrency. */
        public boolean isBaseline() {
            return Models.has(model, ModelTrait.BASELINE);
        }

        public Measurement at(int cores) {
            return measured.get(cores);
        }
    }

    /** {@code cpu (limit=2000000, units=64)}. */
    public String title() {
        if (sizes.isEmpty()) {
            return workload;
        }
        return workload + " (" + sizes.entrySet().stream().map(size -> size.getKey() + "=" + size.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** The unit of the scores, such as {@code ms/op}. */
    public String unit() {
        return anyMeasurement().map(Measurement::unit).orElse("");
    }

    public boolean lowerIsBetter() {
        return anyMeasurement().map(Measurement::lowerIsBetter).orElse(true);
    }

    public boolean hasMeasurements() {
        return anyMeasurement().isPresent();
    }

    private java.util.Optional<Measurement> anyMeasurement() {
        return rows.stream().flatMap(row -> row.measured().values().stream()).findFirst();
    }

    /** The row of {@code model} in {@code source}, if there is one. */
    public java.util.Optional<Row> row(Source source, String model) {
        return rows.stream().filter(row -> row.source() == source && row.model().equals(model)).findFirst();
    }

    /**
     * The tables the sources make, workloads in catalog order. A bare twin is no model and has no
     * row: its figures are set against its model's by {@link TwinRatios}.
     */
    public static List<WorkloadTable> of(List<Source> sources) {
        Map<Key, Map<RowKey, Row>> groups = new LinkedHashMap<>();
        for (int index = 0; index < sources.size(); index++) {
            Source source = sources.get(index);
            for (Measurement measurement : source.measurements()) {
                if (TwinRatios.isTwin(measurement.model())) {
                    continue;
                }
                row(groups, new Key(measurement.workload(), measurement.sizes()), index, source, measurement.model())
                        .measured().put(measurement.cores(), measurement);
            }
            for (RunRecord.Cell gap : source.gaps()) {
                if (TwinRatios.isTwin(gap.model())) {
                    continue;
                }
                row(groups, new Key(gap.workload(), sizesOf(gap, source)), index, source, gap.model()).gaps().putIfAbsent(gap.cores(), gap);
            }
        }
        List<WorkloadTable> tables = new ArrayList<>();
        for (Map.Entry<Key, Map<RowKey, Row>> group : groups.entrySet()) {
            List<Row> rows = group.getValue().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(RowKey.ORDER))
                    .map(Map.Entry::getValue).toList();
            TreeSet<Integer> cores = new TreeSet<>();
            rows.forEach(row -> {
                cores.addAll(row.measured().keySet());
                cores.addAll(row.gaps().keySet());
            });
            tables.add(new WorkloadTable(group.getKey().workload(), group.getKey().sizes(), List.copyOf(cores), rows));
        }
        tables.sort(Comparator.comparingInt(table -> workloadRank(table.workload())));
        return tables;
    }

    /** The sizes of a gap's cell as the catalog writes them, from the cell or, in older run records, from the run's. */
    static Map<String, String> sizesOf(RunRecord.Cell gap, Source source) {
        Map<String, String> recorded = gap.sizes() != null ? gap.sizes() : source.run().parameters() == null ? Map.of()
                : source.run().parameters().getOrDefault(gap.workload(), Map.of());
        return JmhResultsReader.sizes(gap.workload(), recorded);
    }

    private static Row row(Map<Key, Map<RowKey, Row>> groups, Key key, int sourceIndex, Source source, String model) {
        return groups.computeIfAbsent(key, ignored -> new LinkedHashMap<>())
                .computeIfAbsent(new RowKey(model, sourceIndex),
                        ignored -> new Row(source, model, new TreeMap<>(), new TreeMap<>()));
    }

    private static int workloadRank(String workload) {
        int rank = Workloads.ids().indexOf(workload);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    private record Key(String workload, Map<String, String> sizes) {

        Key {
            sizes = new LinkedHashMap<>(Objects.requireNonNull(sizes));
        }
    }

    /** Rows in the registry's order (the baseline first), unknown models after them; then by source. */
    private record RowKey(String model, int sourceIndex) {

        static final Comparator<RowKey> ORDER = Comparator.comparingInt((RowKey key) -> modelRank(key.model()))
                .thenComparing(RowKey::model).thenComparingInt(RowKey::sourceIndex);

        private static int modelRank(String model) {
            return Models.rank(model);
        }
    }
}
