package org.concurrencybench.executors;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;
import java.util.OptionalLong;
import org.concurrencybench.core.LoopbackServer;

/**
 * Whether an io run's sockets fit in this process's file descriptors. Every request in flight
 * holds a socket, and the io workload's server, which runs in this JVM, holds the other end of
 * up to {@link LoopbackServer#DEFAULT_MAX_CONNECTIONS} of them. A model that has every unit in
 * flight at once would fail with "too many open files" past that budget, so it declares a limit
 * instead. Models with P requests at a time are far below it.
 *
 * <p>The budget is the process's limit ({@code ulimit -n}) less {@link #RESERVED} descriptors
 * for what the JVM keeps open itself (its jars, the server's listener and selector); a fixed
 * reserve rather than the count open now, so that a model gives the same reason every time.
 */
final class DescriptorBudget {

    /**
     * Descriptors left for the JVM's own files: a test JVM of this suite, with an async model,
     * its channel group and an io server running, has about 30 open.
     */
    static final long RESERVED = 256;

    private DescriptorBudget() {
    }

    /**
     * Empty if {@code units} requests in flight at once fit in the budget, or if the platform
     * reports no descriptor limit; otherwise the reason, naming the units and what fits.
     */
    static Optional<String> check(int units) {
        OptionalLong limit = processLimit();
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        long fits = requestsThatFit(limit.getAsLong());
        if (units <= fits) {
            return Optional.empty();
        }
        return Optional.of(String.format("units must be at most %,d in this process, got %,d: every unit's request is"
                        + " in flight at once and holds a socket, and the io server in this JVM holds the other end"
                        + " of up to %,d of them; the process may open %,d file descriptors and %,d are kept for the"
                        + " JVM's own files (ulimit -n allows more)",
                fits, units, LoopbackServer.DEFAULT_MAX_CONNECTIONS, limit.getAsLong(), RESERVED));
    }

    /** The most requests whose sockets, with the server's ends, fit in {@code limit} descriptors. */
    static long requestsThatFit(long limit) {
        long budget = Math.max(0, limit - RESERVED);
        long server = LoopbackServer.DEFAULT_MAX_CONNECTIONS;
        // each request costs two descriptors until the server holds its most, then one
        return budget <= 2 * server ? budget / 2 : budget - server;
    }

    private static OptionalLong processLimit() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        if (system instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }
}
