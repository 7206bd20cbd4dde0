package org.concurrencybench.processes.parent;

import java.time.Duration;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;

/**
 * How long workers get before they count as hung. A run's timeout is either fixed
 * ({@value #PROPERTY}, in seconds, or the models' package-private constructors, which tests
 * use for short timeouts) or derived from the workload:
 * {@link #BASE} plus a generous estimate of the whole workload run on one core, plus
 * {@link #PER_JVM_START} for every JVM the run starts. Never infinite: a hung worker fails
 * the run instead of hanging the benchmark.
 */
public final class WorkerTimeouts {

    static final String PROPERTY = "bench.worker.timeoutSeconds";

    static final Duration BASE = Duration.ofMinutes(2);
    static final Duration PER_JVM_START = Duration.ofSeconds(2);
    static final Duration START = Duration.ofMinutes(2);
    /** How long workers get to acknowledge a cancel, or to exit when told to, before they are killed. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private static final long MAX_SECONDS = Duration.ofDays(30).toSeconds();
    /** Trial division of one number near n by odd divisors up to sqrt(n): far above what a core takes. */
    private static final double NANOS_PER_DIVISION = 10;
    /** Making, moving and checksumming one payload byte: 100 MB/s, far below what a pipe or a mapping does. */
    private static final double NANOS_PER_PAYLOAD_BYTE = 10;
    /** One locked update of a counter file: two system calls and a few loads, overestimated. */
    private static final double SECONDS_PER_LOCKED_UPDATE = 50e-6;
    /** One loopback connection beyond the server's delay. */
    private static final double SECONDS_PER_CONNECTION = 1e-3;

    private final Duration fixed;

    private WorkerTimeouts(Duration fixed) {
        this.fixed = fixed;
    }

    /** Timeouts from {@value #PROPERTY}, or derived from each workload when it is not set. */
    public static WorkerTimeouts fromSystemProperty() {
        String seconds = System.getProperty(PROPERTY);
        if (seconds == null || seconds.isBlank()) {
            return derived();
        }
        try {
            long value = Long.parseLong(seconds.strip().replace("_", ""));
            if (value >= 1 && value <= MAX_SECONDS) {
                return new WorkerTimeouts(Duration.ofSeconds(value));
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException(PROPERTY + " must be a whole number of seconds between 1 and "
                + String.format("%,d", MAX_SECONDS) + ", got '" + seconds + "'");
    }

    /** Timeouts derived from each workload. */
    static WorkerTimeouts derived() {
        return new WorkerTimeouts(null);
    }

    /** One timeout for every run, start-up and cancel: for tests of hung workers. */
    public static WorkerTimeouts fixed(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("worker timeout must be positive, got " + timeout);
        }
        return new WorkerTimeouts(timeout);
    }

    /** The deadline of a run of {@code workload} that starts {@code jvmStarts} JVMs. */
    Deadline forRun(Workload workload, long jvmStarts) {
        if (fixed != null) {
            return Deadline.after(fixed);
        }
        double seconds = BASE.toSeconds() + estimatedSeconds(workload) + (double) jvmStarts * PER_JVM_START.toSeconds();
        return Deadline.after(Duration.ofSeconds((long) Math.min(MAX_SECONDS, Math.ceil(seconds))));
    }

    /** How long a new worker may take to greet the parent. */
    Duration forStart() {
        return fixed != null ? fixed : START;
    }

    Duration cancelGrace() {
        return fixed != null && fixed.compareTo(CANCEL_GRACE) < 0 ? fixed : CANCEL_GRACE;
    }

    /** How the timeout of a run was chosen, for the message of a run that exceeds it. */
    String describe(Deadline deadline) {
        String timeout = Durations.text(deadline.timeout());
        return fixed != null
                ? "the run's timeout of " + timeout
                : "the run's timeout of " + timeout + ", derived from the workload; -D" + PROPERTY + "=N sets one";
    }

    /** The workload run on one core, overestimated: time asleep plus generous CPU time. */
    private static double estimatedSeconds(Workload workload) {
        return switch (workload) {
            case Batch batch -> unitsSeconds(batch);
            case Tree tree -> tree.nodes() * 1e-6;
            case Relay relay -> relay.hops() * 1e-3;
            case Contention contention -> (double) contention.workers() * contention.updates()
                    * (contention.holdMs() / 1e3 + SECONDS_PER_LOCKED_UPDATE);
        };
    }

    private static double unitsSeconds(Batch batch) {
        double units = batch.units();
        return kernelSeconds(batch, units) + units * batch.payload() * NANOS_PER_PAYLOAD_BYTE / 1e9;
    }

    private static double kernelSeconds(Batch batch, double units) {
        return switch (batch.kernel()) {
            case Sleep sleep -> units * sleep.delayMs() / 1e3;
            case Ticker ticker -> ticker.delayMs() / 1e3 * ticker.ticks() * units * (units + 1) / 2;
            case Probe probe -> units * probe.holdMs() / 1e3;
            case Primes primes -> trialDivisionSeconds(primes.limit());
            case Mixed mixed -> units * mixed.delayMs() / 1e3 + trialDivisionSeconds(mixed.limit(batch.units()));
            case Identity identity -> units * 1e-5;
            case WhoRuns whoRuns -> units * 1e-3;
            case Park park -> units * park.holdMs() / 1e3;
            case Request request -> units * (request.delayMs() / 1e3 + SECONDS_PER_CONNECTION);
        };
    }

    /** Trial division of every number below {@code limit}, overestimated. */
    private static double trialDivisionSeconds(double limit) {
        return limit * Math.sqrt(limit) / Math.max(1, Math.log(limit)) * NANOS_PER_DIVISION / 1e9;
    }
}
