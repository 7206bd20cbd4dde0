package org.concurrencybench.benchmarks.load;

import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What happened to the requests of one phase (the warm-up or the measured period), a request
 * belonging to the phase its intended start falls in. Only the generator's loop thread writes it.
 */
final class Tally {

    /** From the intended start to the last byte of the response: the open-loop latency. */
    final Histogram corrected = Latencies.histogram();
    /** From the moment the request was written: what a closed-loop tool would report. */
    final Histogram uncorrected = Latencies.histogram();
    final SortedMap<Integer, Long> statuses = new TreeMap<>();
    private final long[] failures = new long[Failure.values().length];
    long scheduled;
    long sent;
    long completed;
    long reconnects;
    long timedOutUnsent;

    void fail(Failure failure) {
        failures[failure.ordinal()]++;
    }

    void status(int status) {
        fail(Failure.STATUS);
        statuses.merge(status, 1L, Long::sum);
    }

    long failures(Failure failure) {
        return failures[failure.ordinal()];
    }

    /** Requests that came due and have an outcome: answered correctly or failed. */
    long settled() {
        long settled = completed;
        for (long count : failures) {
            settled += count;
        }
        return settled;
    }
}
