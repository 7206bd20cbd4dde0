package org.concurrencybench.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * N independent units; unit {@code i} is {@code kernel.run(i, units)}, a pure function of the
 * kernel's parameters and {@code i}, so a worker process can rebuild it from data alone.
 * The answer is the sum of the units' results.
 *
 * <p>With {@code payload > 0} each unit also returns that many bytes ({@link Payload}) and the
 * checksum of the bytes the caller received is added to the unit's result, so a model that
 * loses or garbles data gives a wrong answer. In one JVM the bytes are handed over by
 * reference ({@link #runUnit} makes and checks them where they are); a process model moves
 * them: its worker calls {@link #runKernel} and sends {@link Payload#fill}'s bytes, and the
 * parent adds {@link Payload#checksum} of what arrived.
 */
public record Batch(String name, Kernel kernel, int units, int payload) implements Workload {

    public static final int MAX_UNITS = 100_000_000;

    public Batch {
        Checks.notBlank("name", name);
        if (kernel == null) {
            throw new IllegalArgumentException("workload " + name + ": kernel must not be null");
        }
        Checks.range(name, "units", units, 1, MAX_UNITS);
        Checks.range(name, "payload", payload, 0, Payload.MAX_BYTES);
    }

    /** A batch whose units return no bytes. */
    public Batch(String name, Kernel kernel, int units) {
        this(name, kernel, units, 0);
    }

    /** Runs unit {@code unit} on the calling thread: its kernel's result plus its payload's checksum. */
    public long runUnit(int unit) throws InterruptedException {
        return withPayload(unit, kernel.run(unit, units));
    }

    /**
     * {@code result} plus the checksum of unit {@code unit}'s payload, made here: for a model in
     * one JVM that runs the kernel its own way (an async wait) and hands the bytes over by reference.
     */
    public long withPayload(int unit, long result) {
        return payload == 0 ? result : result + Payload.checksum(Payload.bytes(unit, payload));
    }

    /** Only the kernel of unit {@code unit}: for a model that moves the payload's bytes itself. */
    public long runKernel(int unit) throws InterruptedException {
        return kernel.run(unit, units);
    }

    /** Runs units {@code [from, to)} one after another on the calling thread and sums them. */
    public long runRange(int from, int to) throws InterruptedException {
        long sum = 0;
        for (int unit = from; unit < to; unit++) {
            sum += runUnit(unit);
        }
        return sum;
    }

    @Override
    public long expected() {
        return kernel.expected(units) + Payload.expected(units, payload);
    }

    @Override
    public Map<String, Long> parameters() {
        Map<String, Long> parameters = new LinkedHashMap<>(kernel.parameters());
        parameters.put("units", (long) units);
        if (payload > 0) {
            parameters.put("payload", (long) payload);
        }
        return parameters;
    }
}
