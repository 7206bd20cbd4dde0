package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/**
 * The {@code -p name=value} options of bench compare, turned into each selected workload's
 * sizes. {@code -p units=100} sets {@code units} of every selected workload that has it;
 * {@code -p spawn.units=100} sets it for spawn alone. Every workload gets all of its
 * parameters, defaults included, as the catalog prints them, so JMH's output and the report
 * show every figure.
 */
public final class WorkloadSizes {

    private WorkloadSizes() {
    }

    /** Each workload's sizes, in catalog order; a bad option is an IllegalArgumentException naming it. */
    public static Map<String, Map<String, String>> of(List<String> workloads, List<String> options) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        workloads.forEach(workload -> overrides.put(workload, new LinkedHashMap<>()));
        for (String option : options) {
            apply(option, workloads, overrides);
        }
        Map<String, Map<String, String>> sizes = new LinkedHashMap<>();
        for (String workload : workloads) {
            WorkloadSpec spec = Workloads.spec(workload);
            Workload created = spec.create(overrides.get(workload));
            Map<String, String> values = new LinkedHashMap<>();
            for (WorkloadSpec.Parameter parameter : spec.parameters()) {
                // the workload's own figure: 2_000_000 given on the command line becomes 2000000
                Long value = created.parameters().get(parameter.name());
                values.put(parameter.name(), value != null ? String.valueOf(value)
                        : overrides.get(workload).getOrDefault(parameter.name(), String.valueOf(parameter.defaultValue())));
            }
            sizes.put(workload, values);
        }
        return sizes;
    }

    private static void apply(String option, List<String> workloads, Map<String, Map<String, String>> overrides) {
        int equals = option.indexOf('=');
        if (equals <= 0 || equals == option.length() - 1) {
            throw new IllegalArgumentException("-p takes name=value or workload.name=value, such as -p units=100"
                    + " or -p spawn.units=100; got '" + option + "'");
        }
        String name = option.substring(0, equals).strip();
        String value = option.substring(equals + 1).strip();
        if (value.contains(",")) {
            throw new IllegalArgumentException("-p " + name + " takes one value, got '" + value
                    + "'; run bench compare once per size to compare sizes");
        }
        if (name.equals("model") || name.equals("cores")) {
            throw new IllegalArgumentException("-p " + name + " is chosen with --" + (name.equals("model") ? "models" : "cores")
                    + ", not -p");
        }
        int dot = name.indexOf('.');
        List<String> targets = new ArrayList<>();
        String parameter = name;
        if (dot >= 0) {
            String workload = name.substring(0, dot);
            parameter = name.substring(dot + 1);
            if (!workloads.contains(workload)) {
                throw new IllegalArgumentException("-p " + name + ": workload '" + workload + "' is not selected; selected: "
                        + String.join(", ", workloads));
            }
            if (!Workloads.spec(workload).hasParameter(parameter)) {
                throw new IllegalArgumentException("-p " + name + ": workload " + workload + " has no parameter '"
                        + parameter + "'; its parameters: " + Workloads.spec(workload).parameterNames());
            }
            targets.add(workload);
        } else {
            for (String workload : workloads) {
                if (Workloads.spec(workload).hasParameter(parameter)) {
                    targets.add(workload);
                }
            }
            if (targets.isEmpty()) {
                List<String> known = new ArrayList<>();
                workloads.forEach(workload -> known.add(workload + ": " + Workloads.spec(workload).parameterNames()));
                throw new IllegalArgumentException("-p " + name + ": no selected workload has this parameter; "
                        + String.join("; ", known));
            }
        }
        for (String workload : targets) {
            overrides.get(workload).put(parameter, value);
        }
    }
}
