package org.concurrencybench.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
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
     * A parameter with its default, the values it allows and what it means. A whole number
     * lies in {@code [min, max]}; a parameter with {@code choices} takes one of those names, and
     * its value is the name's position in the list.
     */
    public record Parameter(String name, long defaultValue, long min, long max, String meaning, List<String> choices) {

        public Parameter {
            choices = List.copyOf(choices);
            if (min > max || defaultValue < min || defaultValue > max) {
                throw new IllegalArgumentException(name + ": the default " + defaultValue + " must lie in [" + min + ", "
                        + max + "]");
            }
        }

        /** A whole number from {@code min} to {@code max}. */
        public Parameter(String name, long defaultValue, long min, long max, String meaning) {
            this(name, defaultValue, min, max, meaning, List.of());
        }

        /** One of {@code choices}, {@code defaultChoice} unless told otherwise. */
        public static Parameter choice(String name, String defaultChoice, String meaning, List<String> choices) {
            return new Parameter(name, choices.indexOf(defaultChoice), 0, choices.size() - 1, meaning, choices);
        }

        /**
         * {@code text} as this parameter's value in workload {@code workload}: a whole number,
         * digit separators allowed ({@code 2_000_000}), within the parameter's range; or one of
         * its choices, in any case. Anything else is refused in one line that names the
         * parameter and what it allows: {@code cpu.units must be 1 to 100,000,000, got 0}.
         */
        public long read(String workload, String text) {
            if (!choices.isEmpty()) {
                int index = choices.indexOf(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
                if (index < 0) {
                    throw new IllegalArgumentException(workload + "." + name + " must be one of "
                            + String.join(", ", choices) + ", got '" + text + "'");
                }
                return index;
            }
            OptionalLong number = WorkloadSizes.number(text);
            if (number.isEmpty()) {
                throw new IllegalArgumentException(workload + "." + name + " must be a whole number from "
                        + Checks.format(min) + " to " + Checks.format(max) + ", got '" + text + "'");
            }
            return Checks.range(workload, name, number.getAsLong(), min, max);
        }

        /** The value as the catalog writes it: the number without separators, or the choice's name. */
        public String display(long value) {
            return choices.isEmpty() || value < 0 || value >= choices.size() ? Long.toString(value)
                    : choices.get((int) value);
        }

        public String displayDefault() {
            return display(defaultValue);
        }

        /**
         * {@code text} (one value, or a sweep {@code a,b}) as the catalog writes it, each value
         * once; a value this parameter cannot read is kept as it is given, since results files
         * may hold sizes from other versions of the catalog.
         */
        String write(String workload, String text) {
            List<String> written = new ArrayList<>();
            for (String value : WorkloadSizes.sweep(text)) {
                String canonical;
                try {
                    canonical = display(read(workload, value));
                } catch (IllegalArgumentException unreadable) {
                    canonical = value;
                }
                if (!written.contains(canonical)) {
                    written.add(canonical);
                }
            }
            return String.join(",", written);
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
     * The workload with {@code overrides} (parameter name to one value, as
     * {@link Parameter#read} reads it) applied over the defaults.
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

    /** Parameter {@code name}; one this workload does not have is refused, naming those it has. */
    public Parameter parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("workload " + id + " has no parameter '" + name
                        + "'; its parameters: " + parameterNames()));
    }

    /**
     * {@code values} as the catalog writes them: this workload's parameters first, in its order,
     * each number without separators and each choice by its name (each value of a sweep so);
     * names it does not have follow as they are given. The one writer of sizes, so that a size
     * typed on the command line, recorded by JMH or read back from a run compares as the same
     * text.
     */
    public Map<String, String> write(Map<String, String> values) {
        Map<String, String> written = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            String value = values.get(parameter.name());
            if (value != null) {
                written.put(parameter.name(), parameter.write(id, value));
            }
        }
        values.forEach(written::putIfAbsent);
        return written;
    }

    public String parameterNames() {
        return parameters.stream().map(Parameter::name).collect(Collectors.joining(", "));
    }

    private Map<String, Long> values(Map<String, String> overrides) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(parameter.name(), parameter.defaultValue());
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            values.put(override.getKey(), parameter(override.getKey()).read(id, override.getValue()));
        }
        return values;
    }
}
