package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/**
 * The {@code -p name=value} options of bench compare, turned into each selected workload's
 * sizes. {@code -p units=100} sets {@code units} of every selected workload that has it;
 * {@code -p spawn.units=100} sets it for spawn alone; {@code -p transfer.payload=0,65536}
 * sweeps it, a cell per value. A size not given is the benchmark's own {@code @Param}: the
 * catalog's default, or the benchmark's sweep where it has one (transfer's payloads, the kinds
 * of lock). Every workload gets all of its parameters, as the catalog writes them (a number
 * without separators, a choice by its name), so JMH's output and the report show every figure.
 */
public final class WorkloadSizes {

    private WorkloadSizes() {
    }

    /**
     * Each workload's sizes, in catalog order; a bad option, or a combination of swept values
     * the catalog refuses, is an IllegalArgumentException naming it.
     */
    public static Map<String, Map<String, String>> of(List<String> workloads, List<String> options) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        workloads.forEach(workload -> overrides.put(workload, new LinkedHashMap<>()));
        for (String option : options) {
            apply(option, workloads, overrides);
        }
        Map<String, Map<String, String>> sizes = new LinkedHashMap<>();
        for (String workload : workloads) {
            WorkloadSpec spec = Workloads.spec(workload);
            Map<String, List<String>> declared = WorkloadBenchmark.of(workload).declaredSizes();
            Map<String, String> values = new LinkedHashMap<>();
            for (WorkloadSpec.Parameter parameter : spec.parameters()) {
                String given = overrides.get(workload).get(parameter.name());
                List<String> raw = given != null ? SizeVariants.values(given)
                        : declared.getOrDefault(parameter.name(), List.of(parameter.displayDefault()));
                values.put(parameter.name(), String.join(",", raw.stream().map(value -> written(parameter, value))
                        .distinct().toList()));
            }
            for (Map<String, String> variant : SizeVariants.of(values)) {
                // the catalog checks each value, and each combination (lock=atomic refuses holdMs > 0)
                Workloads.create(workload, variant);
            }
            sizes.put(workload, values);
        }
        return sizes;
    }

    /** A value as the catalog writes it: {@code 2_000_000} as 2000000, {@code Reentrant} as reentrant. */
    private static String written(WorkloadSpec.Parameter parameter, String value) {
        if (!parameter.choices().isEmpty()) {
            String name = value.strip().toLowerCase(Locale.ROOT);
            return parameter.choices().contains(name) ? name : value;
        }
        String digits = value.strip().replace("_", "");
        try {
            return String.valueOf(Long.parseLong(digits));
        } catch (NumberFormatException notANumber) {
            return value; // the catalog refuses it, naming the parameter
        }
    }

    private static void apply(String option, List<String> workloads, Map<String, Map<String, String>> overrides) {
        int equals = option.indexOf('=');
        if (equals <= 0 || equals == option.length() - 1) {
            throw new IllegalArgumentException("-p takes name=value or workload.name=value, such as -p units=100,"
                    + " -p spawn.units=100 or -p transfer.payload=0,65536 (a cell per value); got '" + option + "'");
        }
        String name = option.substring(0, equals).strip();
        String value = option.substring(equals + 1).strip();
        if (SizeVariants.values(value).contains("")) {
            throw new IllegalArgumentException("-p " + name + " has an empty value in '" + value
                    + "'; several values are separated by single commas, such as -p transfer.payload=0,65536");
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
