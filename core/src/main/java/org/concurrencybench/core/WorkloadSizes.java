package org.concurrencybench.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The sizes of the workloads a command runs, read from {@code -p} options: the one reader of
 * sizes as a person writes them, for every command of the command line.
 *
 * <ul>
 * <li>{@code name=value} sets {@code name} in every selected workload that has it, so
 *     {@code units=100} shrinks every batch at once; a name no selected workload has is refused,
 *     naming the parameters they have.</li>
 * <li>{@code workload.name=value} sets it in that workload alone: {@code spawn.units=100}.</li>
 * <li>A value is a whole number, digit separators allowed ({@code 1_000}), or one of the
 *     parameter's choices in any case ({@code lock=reentrant}); each is checked against its
 *     parameter's own range or choices.</li>
 * <li>{@code a,b,c} sweeps: each value, and each combination of swept values, is a variant of
 *     its own ({@code transfer.payload=0,65536}).</li>
 * </ul>
 *
 * A later option for the same parameter of a workload replaces an earlier one, so a command
 * can put its own defaults first. Every variant is built once, unbound, so that a combination
 * the catalog refuses ({@code lock=atomic} with {@code holdMs=1}) is refused here, before
 * anything runs.
 */
public final class WorkloadSizes {

    /** The swept values of one variant, such as {@code payload=65536}, which tell it from its siblings. */
    public record Variant(Map<String, String> sizes, String label) {

        public Variant {
            sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        }
    }

    /** Workload id to parameter to its values as the catalog writes them, every parameter of the workload. */
    private final Map<String, Map<String, List<String>>> values;

    private WorkloadSizes(Map<String, Map<String, List<String>>> values) {
        this.values = values;
    }

    /**
     * The sizes of {@code workloads} (catalog ids) with {@code options} applied in order over the
     * catalog's defaults; a bad option is an IllegalArgumentException whose message is one line
     * naming the option, or the parameter and what it allows.
     */
    public static WorkloadSizes parse(List<String> workloads, List<String> options) {
        List<WorkloadSpec> specs = workloads.stream().map(Workloads::spec).toList();
        Map<String, Map<String, List<String>>> given = new LinkedHashMap<>();
        specs.forEach(spec -> given.put(spec.id(), new LinkedHashMap<>()));
        for (String option : options) {
            apply(option, specs, given);
        }
        Map<String, Map<String, List<String>>> values = new LinkedHashMap<>();
        for (WorkloadSpec spec : specs) {
            Map<String, List<String>> ofWorkload = new LinkedHashMap<>();
            for (WorkloadSpec.Parameter parameter : spec.parameters()) {
                ofWorkload.put(parameter.name(), List.copyOf(given.get(spec.id())
                        .getOrDefault(parameter.name(), List.of(parameter.displayDefault()))));
            }
            values.put(spec.id(), Collections.unmodifiableMap(ofWorkload));
        }
        WorkloadSizes sizes = new WorkloadSizes(Collections.unmodifiableMap(values));
        for (WorkloadSpec spec : specs) {
            sizes.variants(spec.id()).forEach(variant -> spec.create(variant.sizes()));
        }
        return sizes;
    }

    /** The selected workloads, in the order given. */
    public List<String> workloads() {
        return List.copyOf(values.keySet());
    }

    /** Every parameter of {@code workload} as the catalog writes it, a sweep's values joined by commas. */
    public Map<String, String> written(String workload) {
        Map<String, String> written = new LinkedHashMap<>();
        valuesOf(workload).forEach((name, list) -> written.put(name, String.join(",", list)));
        return Collections.unmodifiableMap(written);
    }

    /** {@link #written(String)} for every selected workload, in order. */
    public Map<String, Map<String, String>> written() {
        Map<String, Map<String, String>> written = new LinkedHashMap<>();
        values.keySet().forEach(workload -> written.put(workload, written(workload)));
        return Collections.unmodifiableMap(written);
    }

    /** The parameters of {@code workload} given more than one value. */
    public List<String> swept(String workload) {
        return valuesOf(workload).entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Every combination of {@code workload}'s swept values, the first parameter changing
     * slowest; one variant, with an empty label, when nothing is swept.
     */
    public List<Variant> variants(String workload) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> size : valuesOf(workload).entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : size.getValue()) {
                    Map<String, String> longer = new LinkedHashMap<>(combination);
                    longer.put(size.getKey(), value);
                    extended.add(longer);
                }
            }
            combinations = extended;
        }
        List<String> swept = swept(workload);
        return combinations.stream().map(combination -> new Variant(combination, swept.stream()
                .map(name -> name + "=" + combination.get(name)).collect(Collectors.joining(", ")))).toList();
    }

    /**
     * A size as a whole number: digits, an optional sign, and underscores between digits as
     * separators ({@code 2_000_000}); empty when {@code text} is none, or does not fit a long.
     */
    public static OptionalLong number(String text) {
        if (text == null || !text.strip().matches("[-+]?\\d+(_+\\d+)*")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.strip().replace("_", "")));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** The values of one size as given: {@code 0, 65536} is {@code 0} and {@code 65536}; an empty one stays empty. */
    static List<String> sweep(String text) {
        List<String> values = new ArrayList<>();
        for (String value : (text == null ? "" : text).split(",", -1)) {
            values.add(value.strip());
        }
        return values;
    }

    private Map<String, List<String>> valuesOf(String workload) {
        Map<String, List<String>> ofWorkload = values.get(workload);
        if (ofWorkload == null) {
            throw new IllegalArgumentException("workload '" + workload + "' is not selected; selected: "
                    + String.join(", ", values.keySet()));
        }
        return ofWorkload;
    }

    private static void apply(String option, List<WorkloadSpec> specs, Map<String, Map<String, List<String>>> given) {
        int equals = option.indexOf('=');
        String name = equals < 0 ? option.strip() : option.substring(0, equals).strip();
        String value = equals < 0 ? "" : option.substring(equals + 1).strip();
        if (name.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("-p takes name=value, such as -p units=100, or workload.name=value, such as"
                    + " -p spawn.units=100; a list such as -p transfer.payload=0,65536 runs each value; got '" + option
                    + "'; " + parametersOf(specs));
        }
        List<String> texts = sweep(value);
        if (texts.contains("")) {
            throw new IllegalArgumentException("-p " + name + " has an empty value in '" + value
                    + "'; several values are separated by single commas, such as -p transfer.payload=0,65536");
        }
        int dot = name.indexOf('.');
        String parameter = dot < 0 ? name : name.substring(dot + 1);
        List<WorkloadSpec> targets = dot < 0 ? specs.stream().filter(spec -> spec.hasParameter(parameter)).toList()
                : List.of(selected(name, name.substring(0, dot), specs));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("-p " + name + ": no selected workload has this parameter; "
                    + parametersOf(specs));
        }
        for (WorkloadSpec target : targets) {
            if (!target.hasParameter(parameter)) {
                throw new IllegalArgumentException("-p " + name + ": workload " + target.id() + " has no parameter '"
                        + parameter + "'; its parameters: " + target.parameterNames());
            }
            WorkloadSpec.Parameter read = target.parameter(parameter);
            List<String> written = new ArrayList<>();
            for (String text : texts) {
                String canonical = read.display(read.read(target.id(), text));
                if (!written.contains(canonical)) {
                    written.add(canonical);
                }
            }
            given.get(target.id()).put(parameter, written);
        }
    }

    /** The selected workload {@code id} that {@code -p name} qualifies; one not selected, or not in the catalog, is refused. */
    private static WorkloadSpec selected(String name, String id, List<WorkloadSpec> specs) {
        return specs.stream().filter(spec -> spec.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("-p " + name + ": " + (Workloads.ids().contains(id)
                        ? "workload '" + id + "' is not selected; selected: "
                                + specs.stream().map(WorkloadSpec::id).collect(Collectors.joining(", "))
                        : "there is no workload '" + id + "'; known workloads: " + String.join(", ", Workloads.ids()))));
    }

    /** {@code cpu: limit, units, payload; tree: width, depth}. */
    private static String parametersOf(List<WorkloadSpec> specs) {
        return specs.stream().map(spec -> spec.id() + ": " + spec.parameterNames()).collect(Collectors.joining("; "));
    }
}
