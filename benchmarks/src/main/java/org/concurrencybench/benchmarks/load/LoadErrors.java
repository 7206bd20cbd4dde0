package org.concurrencybench.benchmarks.load;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The measured requests that did not end with status 200 and the expected body, by kind (see
 * {@link Failure}); {@code statuses} counts the {@code status} ones by status code, and
 * {@code timedOutUnsent} the time-outs that never got a connection (too few connections for the
 * rate and the server's latency, so the requests waited in the generator's queue).
 */
public record LoadErrors(long wrongBody, SortedMap<Integer, Long> statuses, long refused, long reset, long closed,
                         long malformed, long timedOut, long timedOutUnsent) {

    public LoadErrors {
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    }

    static LoadErrors of(Tally tally) {
        return new LoadErrors(tally.failures(Failure.WRONG_BODY), tally.statuses, tally.failures(Failure.REFUSED),
                tally.failures(Failure.RESET), tally.failures(Failure.CLOSED), tally.failures(Failure.MALFORMED),
                tally.failures(Failure.TIMED_OUT), tally.timedOutUnsent);
    }

    public long status() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every failed request, each counted once. */
    public long total() {
        return wrongBody + status() + refused + reset + closed + malformed + timedOut;
    }
}
