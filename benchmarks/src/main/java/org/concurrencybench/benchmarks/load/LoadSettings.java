package org.concurrencybench.benchmarks.load;

import java.math.BigDecimal;
import java.time.Duration;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.DescriptorBudget;

/**
 * One open-loop run: requests at {@code rate} per second to {@code target}, intended to start at
 * t0 + k / rate (or with exponential gaps of the same mean when {@code poisson}, from a
 * {@link java.util.Random} seeded with {@code seed}), over {@code connections} keep-alive
 * connections; request k asks for unit k mod {@code units}. The first {@code warmup} is
 * recorded apart and discarded, the next {@code duration} is measured; a request without a
 * complete answer {@code timeout} after its intended start has timed out.
 *
 * <p>Every value is checked here, and {@link #checkDescriptors} checks the connections against
 * what the process may open: each failure is one line naming the value and what is allowed.
 */
public record LoadSettings(LoopbackTarget target, double rate, Duration warmup, Duration duration, int connections,
                           int units, boolean poisson, long seed, Duration timeout) {

    /** Far beyond what one selector thread sends; a bound that catches a slip of the finger. */
    public static final double MAX_RATE = 1_000_000;
    /** The longest warm-up and the longest measured period: a run is bounded in time. */
    public static final Duration MAX_PERIOD = Duration.ofHours(1);
    /** The longest time-out: a latency histogram tracks at least an hour, and a run drains within this. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** Local ports to one server address: no more connections than that can be open. */
    public static final int MAX_CONNECTIONS = 65_535;

    public static final double DEFAULT_RATE = 1_000;
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(1);
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final int DEFAULT_CONNECTIONS = 16;
    public static final int DEFAULT_UNITS = 1_000;
    public static final long DEFAULT_SEED = 1;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public LoadSettings {
        if (target == null) {
            throw new IllegalArgumentException("load generator: a target (loopback host and port) is required");
        }
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("load generator: rate must be above 0 and at most "
                    + Checks.format((long) MAX_RATE) + " requests per second, got " + number(rate));
        }
        period("warmup", warmup, Duration.ZERO, true, MAX_PERIOD);
        period("duration", duration, Duration.ZERO, false, MAX_PERIOD);
        period("timeout", timeout, Duration.ZERO, false, MAX_TIMEOUT);
        LoadChecks.range("connections", connections, 1, MAX_CONNECTIONS);
        LoadChecks.range("units", units, 1, Integer.MAX_VALUE);
    }

    /** The defaults, to 127.0.0.1:{@code port}. */
    public static LoadSettings to(int port) {
        return new LoadSettings(LoopbackTarget.local(port), DEFAULT_RATE, DEFAULT_WARMUP, DEFAULT_DURATION,
                DEFAULT_CONNECTIONS, DEFAULT_UNITS, false, DEFAULT_SEED, DEFAULT_TIMEOUT);
    }

    public LoadSettings withTarget(LoopbackTarget newTarget) {
        return new LoadSettings(newTarget, rate, warmup, duration, connections, units, poisson, seed, timeout);
    }

    public LoadSettings withRate(double newRate) {
        return new LoadSettings(target, newRate, warmup, duration, connections, units, poisson, seed, timeout);
    }

    public LoadSettings withWarmup(Duration newWarmup) {
        return new LoadSettings(target, rate, newWarmup, duration, connections, units, poisson, seed, timeout);
    }

    public LoadSettings withDuration(Duration newDuration) {
        return new LoadSettings(target, rate, warmup, newDuration, connections, units, poisson, seed, timeout);
    }

    public LoadSettings withConnections(int newConnections) {
        return new LoadSettings(target, rate, warmup, duration, newConnections, units, poisson, seed, timeout);
    }

    public LoadSettings withUnits(int newUnits) {
        return new LoadSettings(target, rate, warmup, duration, connections, newUnits, poisson, seed, timeout);
    }

    /** Exponential gaps from a {@link java.util.Random} seeded with {@code newSeed}. */
    public LoadSettings withPoisson(long newSeed) {
        return new LoadSettings(target, rate, warmup, duration, connections, units, true, newSeed, timeout);
    }

    public LoadSettings withTimeout(Duration newTimeout) {
        return new LoadSettings(target, rate, warmup, duration, connections, units, poisson, seed, newTimeout);
    }

    /**
     * Fails when this process may not open {@code connections} sockets besides its own files:
     * {@link DescriptorBudget#maxOpenRequests()} counts a descriptor per connection here and, for
     * a server in the same JVM (the null server, a test's), one on its side.
     */
    public LoadSettings checkDescriptors(DescriptorBudget budget) {
        long allowed = budget.maxOpenRequests();
        if (connections > allowed) {
            throw new IllegalArgumentException("load generator: connections must be at most " + Checks.format(allowed)
                    + " here (a descriptor each, within this process's ulimit -n less "
                    + DescriptorBudget.KEPT_FOR_THE_JVM + " kept for the JVM and a share for a server in the same"
                    + " process), got " + Checks.format(connections));
        }
        return this;
    }

    /** The intended start of the last request, from t0: the end of the measured period. */
    public Duration scheduled() {
        return warmup.plus(duration);
    }

    /** 2,000 or 0.5: whole rates with separators, others as written. */
    private static String number(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Checks.format((long) value);
        }
        return Double.isFinite(value) ? BigDecimal.valueOf(value).toPlainString() : Double.toString(value);
    }

    private static void period(String name, Duration value, Duration min, boolean minAllowed, Duration max) {
        if (value == null) {
            throw new IllegalArgumentException("load generator: " + name + " is required");
        }
        boolean aboveMin = minAllowed ? value.compareTo(min) >= 0 : value.compareTo(min) > 0;
        if (!aboveMin || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("load generator: " + name + " must be "
                    + (minAllowed ? "between " + DurationText.format(min) + " and " : "above 0 and at most ")
                    + DurationText.format(max) + ", got " + DurationText.format(value));
        }
    }
}
