package org.concurrencybench.benchmarks.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workload;

/**
 * The limits the models declare, asked before anything is measured so that a pair a model
 * cannot run honestly becomes an n/a with its reason instead of a failed fork. A model can
 * only be asked once it exists, so each model is created once per P, asked about every
 * workload (every variant of a sweep: a limit may depend on the size), and closed.
 */
@FunctionalInterface
public interface Limits {

    /** For each of {@code workloads} that {@code model} at P = {@code cores} cannot run: the workload and the reason. */
    Map<Workload, String> of(String model, int cores, List<Workload> workloads);

    /** Asks the models themselves, from the registry. */
    static Limits fromRegistry() {
        return (model, cores, workloads) -> {
            Map<Workload, String> reasons = new LinkedHashMap<>();
            try (ConcurrencyModel created = ModelRegistry.create(model, cores)) {
                for (Workload workload : workloads) {
                    created.limit(workload).ifPresent(reason -> reasons.put(workload, reason));
                }
            }
            return reasons;
        };
    }
}
