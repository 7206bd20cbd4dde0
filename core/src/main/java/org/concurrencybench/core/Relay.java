package org.concurrencybench.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * A token passed round a ring of {@code workers} workers for {@code hops} hops. The token
 * starts at worker 0 with the value 0; each hop, the worker holding it adds one and hands it
 * to {@link #next(int) the next worker}. The worker that receives the value {@code hops}
 * ends the relay. Answer: the hop count seen, {@code hops}.
 */
public record Relay(String name, int workers, int hops) implements Workload {

    public static final int MIN_WORKERS = 2;
    public static final int MAX_WORKERS = 1_000_000;
    public static final int MAX_HOPS = 1_000_000_000;

    public Relay {
        Checks.notBlank("name", name);
        Checks.range(name, "workers", workers, MIN_WORKERS, MAX_WORKERS);
        Checks.range(name, "hops", hops, 1, MAX_HOPS);
    }

    /** The worker after {@code worker} round the ring. */
    public int next(int worker) {
        return worker + 1 == workers ? 0 : worker + 1;
    }

    /** The worker that holds the token after {@code value} hops. */
    public int holderOf(long value) {
        return (int) (value % workers);
    }

    /**
     * Worker {@code worker}'s part of the relay when every worker is a thread with a blocking
     * inbox ({@code inboxes.get(w)} is worker w's); returns the last value it received. It
     * holds the token at the values {@code worker}, {@code worker + W}, ... up to {@code hops},
     * so it knows when its last turn has passed and ends by itself: the worker that receives
     * {@code hops} keeps the token, and every other worker ends after its last hand-off.
     */
    public long passTheToken(int worker, List<? extends BlockingQueue<Long>> inboxes) throws InterruptedException {
        BlockingQueue<Long> inbox = inboxes.get(worker);
        BlockingQueue<Long> next = inboxes.get(next(worker));
        long seen = -1;
        for (long turn = worker; turn <= hops; turn += workers) {
            seen = turn == 0 ? 0 : inbox.take(); // the token starts at worker 0 with the value 0
            if (seen == hops) {
                break;
            }
            next.put(seen + 1);
        }
        return seen;
    }

    @Override
    public long expected() {
        return hops;
    }

    @Override
    public Map<String, Long> parameters() {
        return Checks.ordered("workers", workers, "hops", hops);
    }
}
