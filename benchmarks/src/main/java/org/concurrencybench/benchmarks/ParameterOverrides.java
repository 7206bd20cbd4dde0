package org.concurrencybench.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/**
 * The {@code -p name=value} options: each override applies to every selected workload that
 * has that parameter (so {@code -p units=100} shrinks every batch at once). A name that no
 * selected workload has is a usage error rather than silently ignored, since it is most
 * likely a typo.
 */
final class ParameterOverrides {

    private final Map<String, String> values;

    private ParameterOverrides(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code name=value} pairs against the workloads they will be applied to. A later
     * pair for the same name wins, as with most command lines.
     */
    static ParameterOverrides parse(List<String> pairs, List<String> workloadIds) {
        List<WorkloadSpec> specs = workloadIds.stream().map(Workloads::spec).toList();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            String value = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (name.isEmpty() || value.isEmpty()) {
                throw new IllegalArgumentException("-p takes name=value, such as -p units=100; got '" + pair
                        + "'; parameters of the selected workloads: " + parametersOf(specs));
            }
            if (specs.stream().noneMatch(spec -> spec.hasParameter(name))) {
                throw new IllegalArgumentException("no selected workload has a parameter '" + name
                        + "'; parameters of the selected workloads: " + parametersOf(specs));
            }
            values.put(name, value);
        }
        return new ParameterOverrides(values);
    }

    /** Workload {@code id} with the overrides it has parameters for; a bad value names its range. */
    SelectedWorkload select(String id) {
        WorkloadSpec spec = Workloads.spec(id);
        Map<String, String> applicable = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (spec.hasParameter(name)) {
                applicable.put(name, value);
            }
        });
        return SelectedWorkload.of(id, applicable);
    }

    /** {@code cpu: limit, units; tree: width, depth}. */
    private static String parametersOf(List<WorkloadSpec> specs) {
        return specs.stream().map(spec -> spec.id() + ": " + spec.parameterNames()).collect(Collectors.joining("; "));
    }
}
