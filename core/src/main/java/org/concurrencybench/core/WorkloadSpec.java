package org.concurrencybench.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A catalog entry: a workload id, its kind, what one unit does, and its parameters with their
 * defaults. {@link #create(Map)} builds the workload from the defaults and any overrides.
 */
public record WorkloadSpec(String id, String kind, String unitDoes, List<Parameter> parameters,
                           Function<Map<String, Long>, Workload> factory) {

    /** A size parameter with its default and what it means. */
    public record Parameter(String name, long defaultValue, String meaning) {
    }

    public WorkloadSpec {
        parameters = List.copyOf(parameters);
    }

    /** The workload at its default size. */
    public Workload create() {
        return create(Map.of());
    }

    /**
     * The workload with {@code overrides} (parameter name to a whole number, underscores
     * allowed: {@code 2_000_000}) applied over the defaults.
     */
    public Workload create(Map<String, String> overrides) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(parameter.name(), parameter.defaultValue());
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String name = override.getKey();
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("workload " + id + " has no parameter '" + name
                        + "'; its parameters: " + parameterNames());
            }
            values.put(name, parse(name, override.getValue()));
        }
        return factory.apply(values);
    }

    /** Whether this workload has a parameter called {@code name}. */
    public boolean hasParameter(String name) {
        return parameters.stream().anyMatch(parameter -> parameter.name().equals(name));
    }

    public String parameterNames() {
        return parameters.stream().map(Parameter::name).collect(Collectors.joining(", "));
    }

    /** {@code limit=2000000, units=64}: the defaults, for listings. */
    public String defaults() {
        return parameters.stream().map(parameter -> parameter.name() + "=" + parameter.defaultValue())
                .collect(Collectors.joining(", "));
    }

    private long parse(String name, String text) {
        String digits = text == null ? "" : text.strip().replace("_", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("workload " + id + ": " + name + " must be a whole number, got '"
                    + text + "'");
        }
    }
}
