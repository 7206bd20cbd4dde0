package org.concurrencybench.core;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The catalog of workloads, with the defaults of DESIGN.md's table. */
public final class Workloads {

    private static final List<WorkloadSpec> CATALOG = List.of(
            new WorkloadSpec("cpu", "batch", "counts primes in its slice of [0, limit) by trial division",
                    List.of(new WorkloadSpec.Parameter("limit", 2_000_000, "primes are counted below this"),
                            new WorkloadSpec.Parameter("units", 64, "slices of [0, limit), one task each")),
                    values -> new Batch("cpu", new Primes(values.get("limit")), units("cpu", values))),
            new WorkloadSpec("blocking", "batch", "sleeps delayMs, then returns its index",
                    List.of(new WorkloadSpec.Parameter("units", 1_000, "tasks, each one sleep"),
                            new WorkloadSpec.Parameter("delayMs", 10, "how long each task sleeps")),
                    values -> new Batch("blocking", new Sleep(values.get("delayMs")), units("blocking", values))),
            new WorkloadSpec("spawn", "batch", "returns its index: the cost of starting and joining a task",
                    List.of(new WorkloadSpec.Parameter("units", 10_000, "tasks started and joined")),
                    values -> new Batch("spawn", new Identity(), units("spawn", values))),
            new WorkloadSpec("tree", "tree", "skynet: each node starts width children; each leaf returns its ordinal",
                    List.of(new WorkloadSpec.Parameter("width", 10, "children of every inner node"),
                            new WorkloadSpec.Parameter("depth", 6, "levels below the root")),
                    values -> new Tree("tree", narrow("tree", "width", values), narrow("tree", "depth", values))),
            new WorkloadSpec("handoff", "relay", "a token passed round a ring of workers",
                    List.of(new WorkloadSpec.Parameter("workers", 2, "workers in the ring (2: ping-pong)"),
                            new WorkloadSpec.Parameter("hops", 100_000, "hand-offs of the token")),
                    values -> new Relay("handoff", narrow("handoff", "workers", values),
                            narrow("handoff", "hops", values))),
            new WorkloadSpec("mixed", "batch", "counts the primes in its own work numbers, then sleeps delayMs",
                    List.of(new WorkloadSpec.Parameter("units", 1_000, "tasks, each a CPU slice and then one sleep"),
                            // about 37 microseconds of trial division per unit, measured on the reference machine
                            new WorkloadSpec.Parameter("work", 700, "numbers each unit tests for primality"),
                            new WorkloadSpec.Parameter("delayMs", 10, "how long each task sleeps after its slice")),
                    values -> mixed(values)));

    private Workloads() {
    }

    public static List<WorkloadSpec> all() {
        return CATALOG;
    }

    public static List<String> ids() {
        return CATALOG.stream().map(WorkloadSpec::id).toList();
    }

    /** The catalog entry {@code id}; an unknown id names the known ones. */
    public static WorkloadSpec spec(String id) {
        return CATALOG.stream().filter(spec -> spec.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload '" + id + "'; known workloads: "
                        + CATALOG.stream().map(WorkloadSpec::id).collect(Collectors.joining(", "))));
    }

    /** Workload {@code id} at its default size. */
    public static Workload create(String id) {
        return spec(id).create();
    }

    /** Workload {@code id} with {@code overrides} applied over its defaults. */
    public static Workload create(String id, Map<String, String> overrides) {
        return spec(id).create(overrides);
    }

    /** Checked here, not first when the answer is needed: units × work must stay within the sieve's bound. */
    private static Batch mixed(Map<String, Long> values) {
        Mixed kernel = new Mixed(values.get("work"), values.get("delayMs"));
        int units = units("mixed", values);
        kernel.limit(units);
        return new Batch("mixed", kernel, units);
    }

    private static int units(String workload, Map<String, Long> values) {
        return narrow(workload, "units", values);
    }

    private static int narrow(String workload, String name, Map<String, Long> values) {
        long value = values.get(name);
        return (int) Checks.range(workload, name, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
}
