package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.WorkloadSizes;

/**
 * What a table's Python rows are and what they show: which interpreter ran them and that the
 * suite's Python harness measured them outside JMH; on cpu, what the GIL does to the models
 * whose tasks share one interpreter, against the process pools, whose workers have a GIL each;
 * and where processes ran, what a process costs, from the figures.
 */
final class PythonRows {

    private PythonRows() {
    }

    static List<String> of(WorkloadTable table, List<Source> sources) {
        List<String> sentences = new ArrayList<>();
        for (Source source : sources) {
            List<WorkloadTable.Row> rows = table.rows().stream().filter(row -> row.source() == source
                    && row.measured().values().stream().anyMatch(Measurement::outsideJmh)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            String prefix = sources.size() > 1 ? source.label() + ": " : "";
            TreeSet<String> interpreters = new TreeSet<>();
            rows.forEach(row -> row.measured().values().forEach(measured -> interpreters.add(measured.interpreter())));
            sentences.add(prefix + "The " + String.join(", ", rows.stream().map(WorkloadTable.Row::model).toList())
                    + " rows ran on " + String.join(" and ", interpreters) + ", measured outside JMH by the suite's"
                    + " Python harness: a fresh interpreter per fork held to P cores (os.sched_setaffinity), JMH's"
                    + " warm-up and measured iterations, its average time per operation and 99.9% interval, every"
                    + " answer checked after each iteration.");
            boolean gilOff = interpreters.stream().allMatch(name -> name.contains("GIL off"));
            if (table.workload().equals("cpu")) {
                gil(table, rows, gilOff).ifPresent(sentence -> sentences.add(prefix + sentence));
            }
            processes(table, rows).ifPresent(sentence -> sentences.add(prefix + sentence));
        }
        return sentences;
    }

    /** The models of one interpreter at their highest P against P = 1, then the process pools. */
    private static Optional<String> gil(WorkloadTable table, List<WorkloadTable.Row> rows, boolean gilOff) {
        int most = table.cores().isEmpty() ? 1 : table.cores().getLast();
        if (most <= 1) {
            return Optional.empty();
        }
        List<String> shared = new ArrayList<>();
        List<String> separate = new ArrayList<>();
        for (WorkloadTable.Row row : rows) {
            if (row.at(1) == null || row.at(most) == null) {
                continue;
            }
            double speedUp = row.at(1).score() / row.at(most).score();
            (PythonModels.inOneInterpreter(row.model()) ? shared : separate).add(row.model() + " "
                    + Figures.times(speedUp) + (overlap(row.at(1), row.at(most)) ? " (within the error)" : ""));
        }
        if (shared.isEmpty() && separate.isEmpty()) {
            return Optional.empty();
        }
        String text = gilOff
                ? "This interpreter is free-threaded with the GIL off, so threads of one interpreter may compute at"
                        + " once. Speed-up from P = 1 to P = " + most + ": " + String.join(", ", shared)
                : "The GIL: in one CPython interpreter only one thread at a time runs Python code, so more cores do"
                        + " not make computing threads, a thread pool or an event loop faster; speed-up from P = 1 to"
                        + " P = " + most + (shared.isEmpty() ? " (none of them measured)" : ": " + String.join(", ", shared));
        if (!separate.isEmpty()) {
            text += ". A process pool's workers are interpreters with a GIL each, which is how CPython computes in"
                    + " parallel: " + String.join(", ", separate);
        }
        return Optional.of(text + ".");
    }

    /** What a process costs, where the table has Python models that run processes. */
    private static Optional<String> processes(WorkloadTable table, List<WorkloadTable.Row> rows) {
        List<WorkloadTable.Row> inProcesses = rows.stream().filter(row -> !PythonModels.inOneInterpreter(row.model()))
                .toList();
        if (inProcesses.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        long units = WorkloadSizes.number(table.sizes().get("units")).orElse(-1);
        Optional<WorkloadTable.Row> oneInterpreter = rows.stream().filter(row -> PythonModels.inOneInterpreter(row.model())
                && row.at(1) != null).min(Comparator.comparingDouble(row -> row.at(1).score()));
        for (WorkloadTable.Row row : inProcesses) {
            Measurement one = row.at(1);
            if (one == null) {
                continue;
            }
            boolean perTask = PythonModels.description(row.model()).map(description -> description.has(ModelTrait.PROCESS_PER_TASK))
                    .orElse(false);
            if (perTask && units > 0 && one.millisPerOperation().isPresent()) {
                parts.add(row.model() + " takes " + Figures.number(one.millisPerOperation().getAsDouble() / units)
                        + " ms per task at P = 1: a process started, its answer piped back, its exit");
            } else if (!perTask && oneInterpreter.isPresent()) {
                Measurement thread = oneInterpreter.get().at(1);
                String against = row.model() + " at P = 1, where nothing can overlap, takes "
                        + ratio(one.score() / thread.score()) + " against " + oneInterpreter.get().model()
                        + " in one interpreter";
                parts.add(one.score() > thread.score() && !overlap(one, thread)
                        ? against + ": the pickling of its tasks' arguments and results through the pool's pipes (its"
                                + " workers were started before the run)"
                        : against + ", within this run's error: its pipes cost less than the run can tell");
            }
        }
        return Optional.of("What a process costs: each is an interpreter of its own, with its own memory and GIL,"
                + " started by a fork or a fresh interpreter, and whatever a task is sent or returns crosses a pipe,"
                + " pickled" + (parts.isEmpty() ? "." : "; here " + String.join("; ", parts) + "."));
    }

    /** Whether the two figures' error intervals overlap (an interval that is not known overlaps everything). */
    private static boolean overlap(Measurement one, Measurement other) {
        if (!one.hasErrorEstimate() || !other.hasErrorEstimate()) {
            return true;
        }
        return Math.abs(one.score() - other.score()) <= one.error() + other.error();
    }

    /** +6.0% for a figure near the other, 3.20x for one far from it. */
    private static String ratio(double ratio) {
        return Math.abs(ratio - 1) < 0.5 ? Figures.signedPercent(ratio - 1) : Figures.times(ratio);
    }
}
