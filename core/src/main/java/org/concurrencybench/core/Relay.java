package org.concurrencybench.core;

import java.util.Map;

/**
 * A token passed round a ring of {@code workers} workers for {@code hops} hops. The token
 * starts at worker 0 with the value 0; each hop, the worker holding it adds one and hands it
 * to {@link #next(int) the next worker}. The worker that receives the value {@code hops}
 * ends the relay. Answer: the hop count seen, {@code hops}.
 */
public record Relay(String name, int workers, int hops) implements Workload {

    public Relay {
        Checks.notBlank("name", name);
        Checks.range(name, "workers", workers, 2, 1_000_000);
        Checks.range(name, "hops", hops, 1, 1_000_000_000);
    }

    /** The worker after {@code worker} round the ring. */
    public int next(int worker) {
        return worker + 1 == workers ? 0 : worker + 1;
    }

    /** The worker that holds the token after {@code value} hops. */
    public int holderOf(long value) {
        return (int) (value % workers);
    }

    @Override
    public long expected() {
        return hops;
    }

    @Override
    public Map<String, Long> parameters() {
        return Checks.ordered("workers", workers, "hops", hops);
    }

    @Override
    public long tasks() {
        return workers;
    }
}
