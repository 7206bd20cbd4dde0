package org.concurrencybench.core;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * How many io units may have their connection open at once in this process. Every unit holds a
 * socket, one file descriptor, until the server answers; a model with a thread, a virtual
 * thread or a future per unit may have every unit waiting at once. The workload's server runs in this JVM too and holds a descriptor per
 * connection it has accepted, up to {@link LoopbackServer#DEFAULT_MAX_CONNECTIONS}; the JVM
 * keeps some for its own files. Past the process's limit ({@code ulimit -n}) a connect fails
 * with "Too many open files", so the limit is declared before a run starts.
 */
public final class DescriptorBudget {

    /**
     * Descriptors left to the JVM itself: class-path jars, the standard streams, the server's
     * listener and selector. A JVM with thirty jars on its class path and the server started
     * holds about 40 of them; 256 leaves room for a longer class path and the benchmark harness.
     */
    public static final int KEPT_FOR_THE_JVM = 256;

    /** What an OS whose descriptor limit this JVM cannot read (not a Unix) is taken to allow: no bound. */
    public static final long UNKNOWN = Long.MAX_VALUE;

    private final long maxFileDescriptors;

    /** @param maxFileDescriptors the process's limit, {@code ulimit -n}; {@link #UNKNOWN} if the OS does not say */
    public DescriptorBudget(long maxFileDescriptors) {
        this.maxFileDescriptors = maxFileDescriptors;
    }

    /** The budget of this process, as the OS reports it. */
    public static DescriptorBudget ofThisProcess() {
        return new DescriptorBudget(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : UNKNOWN);
    }

    /**
     * The most requests that may be open at once: each takes one descriptor here and, while
     * the server has fewer than its maximum accepted, one on the server's side as well.
     */
    public long maxOpenRequests() {
        if (maxFileDescriptors == UNKNOWN) {
            return UNKNOWN;
        }
        long free = maxFileDescriptors - KEPT_FOR_THE_JVM;
        long serverHolds = LoopbackServer.DEFAULT_MAX_CONNECTIONS;
        return free >= 2 * serverHolds ? free - serverHolds : Math.max(0, free / 2);
    }

    /** Why {@code batch}, if its units make requests, would run out of descriptors; empty when it would not. */
    public Optional<String> of(Batch batch) {
        if (!(batch.kernel() instanceof Request)) {
            return Optional.empty();
        }
        long allowed = maxOpenRequests();
        if (batch.units() <= allowed) {
            return Optional.empty();
        }
        return Optional.of("units=" + Checks.format(batch.units()) + " would open up to " + Checks.format(batch.units())
                + " loopback connections at once (each unit holds its socket, a file descriptor, until the server"
                + " answers); this process may open at most " + Checks.format(maxFileDescriptors)
                + " file descriptors (ulimit -n), of which the workload's server holds one per accepted connection,"
                + " up to " + Checks.format(LoopbackServer.DEFAULT_MAX_CONNECTIONS) + ", and "
                + KEPT_FOR_THE_JVM + " are kept for the JVM's own files, so use units <= " + Checks.format(allowed)
                + " or raise ulimit -n");
    }
}
