package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/**
 * How each model in a table runs its workload, in the model's own words, and where its figure
 * does not answer the workload's question: the part of the report that keeps a reader from
 * comparing a cap with a cost.
 */
final class ModelNotes {

    private ModelNotes() {
    }

    /** One line per model of the table that describes itself, in the table's row order. */
    static List<String> of(WorkloadTable table) {
        Optional<WorkloadSpec> spec = spec(table.workload());
        List<String> lines = new ArrayList<>();
        if (spec.isEmpty()) {
            return lines;
        }
        Set<String> models = new LinkedHashSet<>();
        table.rows().forEach(row -> models.add(row.model()));
        for (String model : models) {
            Models.description(model).ifPresent(description -> description.howItRuns(spec.get())
                    .ifPresent(sentence -> lines.add(model + ": " + sentence + notComparable(description, spec.get()))));
        }
        return lines;
    }

    /** Why {@code model}'s figure on {@code workload} is not ranked with the others; empty when it is. */
    static Optional<String> notComparable(String model, String workload) {
        return spec(workload).flatMap(spec -> Models.description(model).flatMap(description -> description.notComparable(spec)));
    }

    private static String notComparable(ModelDescription description, WorkloadSpec spec) {
        return description.notComparable(spec).map(why -> ". Not ranked with the others: " + why).orElse("");
    }

    private static Optional<WorkloadSpec> spec(String workload) {
        return Workloads.ids().contains(workload) ? Optional.of(Workloads.spec(workload)) : Optional.empty();
    }
}
