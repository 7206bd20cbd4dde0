package org.concurrencybench.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A catalog entry: a workload id, its kind, what one unit does, and its parameters with their
 * defaults. {@link #create(Map)} builds the workload from the defaults and any overrides;
 * {@link #open(Map)} also starts what it needs while it runs (io's loopback server).
 */
public record WorkloadSpec(String id, String kind, String unitDoes, List<Parameter> parameters, boolean needsServer,
                           Factory factory) {

    /** Builds the workload from its parameters' values; {@code port} is its server's, 0 if none runs. */
    @FunctionalInterface
    public interface Factory {
        Workload build(Map<String, Long> values, int port);
    }

    /**
     * A parameter with its default and what it means. A parameter with {@code choices} takes
     * one of those names, and its value is the name's position in the list.
     */
    public record Parameter(String name, long defaultValue, String meaning, List<String> choices) {

        public Parameter {
            choices = List.copyOf(choices);
        }

        public Parameter(String name, long defaultValue, String meaning) {
            this(name, defaultValue, meaning, List.of());
        }

        /** The value as it is written: the number, or the choice's name. */
        public String display(long value) {
            return choices.isEmpty() || value < 0 || value >= choices.size() ? Long.toString(value)
                    : choices.get((int) value);
        }

        public String displayDefault() {
            return display(defaultValue);
        }
    }

    public WorkloadSpec {
        parameters = List.copyOf(parameters);
    }

    /** A workload that needs nothing running besides its model. */
    public WorkloadSpec(String id, String kind, String unitDoes, List<Parameter> parameters,
                        java.util.function.Function<Map<String, Long>, Workload> factory) {
        this(id, kind, unitDoes, parameters, false, (values, port) -> factory.apply(values));
    }

    /** The workload at its default size. */
    public Workload create() {
        return create(Map.of());
    }

    /**
     * The workload with {@code overrides} (parameter name to a whole number, underscores
     * allowed: {@code 2_000_000}; or to one of a parameter's choices) applied over the defaults.
     * A workload that {@link #needsServer()} is built unbound: it can be described and checked
     * against a model's limits, but only {@link #open} makes it runnable.
     */
    public Workload create(Map<String, String> overrides) {
        return factory.build(values(overrides), 0);
    }

    /** The workload with its overrides, ready to run: its server, if it needs one, is started. */
    public OpenWorkload open(Map<String, String> overrides) {
        Map<String, Long> values = values(overrides);
        if (!needsServer) {
            return new OpenWorkload(factory.build(values, 0), null);
        }
        factory.build(values, 0); // the sizes are checked before anything starts
        LoopbackServer server;
        try {
            server = LoopbackServer.start();
        } catch (IOException failed) {
            throw new UncheckedIOException("workload " + id + ": cannot start its loopback server: " + failed.getMessage(),
                    failed);
        }
        try {
            return new OpenWorkload(factory.build(values, server.port()), server);
        } catch (RuntimeException failed) {
            server.close();
            throw failed;
        }
    }

    public OpenWorkload open() {
        return open(Map.of());
    }

    /** Whether this workload has a parameter called {@code name}. */
    public boolean hasParameter(String name) {
        return parameters.stream().anyMatch(parameter -> parameter.name().equals(name));
    }

    public String parameterNames() {
        return parameters.stream().map(Parameter::name).collect(Collectors.joining(", "));
    }

    private Map<String, Long> values(Map<String, String> overrides) {
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(parameter.name(), parameter.defaultValue());
            byName.put(parameter.name(), parameter);
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String name = override.getKey();
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("workload " + id + " has no parameter '" + name
                        + "'; its parameters: " + parameterNames());
            }
            values.put(name, parse(byName.get(name), override.getValue()));
        }
        return values;
    }

    private long parse(Parameter parameter, String text) {
        if (!parameter.choices().isEmpty()) {
            int index = parameter.choices().indexOf(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalArgumentException("workload " + id + ": " + parameter.name() + " must be one of "
                        + String.join(", ", parameter.choices()) + ", got '" + text + "'");
            }
            return index;
        }
        String digits = text == null ? "" : text.strip().replace("_", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("workload " + id + ": " + parameter.name()
                    + " must be a whole number, got '" + text + "'");
        }
    }
}
