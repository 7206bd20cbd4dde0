package org.concurrencybench.core;

import java.util.Optional;

/**
 * A workload ready to run, with whatever it needs while it runs: for io, its loopback server.
 * Closing it stops the server. Made by {@link Workloads#open} or {@link WorkloadSpec#open}.
 */
public final class OpenWorkload implements AutoCloseable {

    private final Workload workload;
    private final LoopbackServer server;

    OpenWorkload(Workload workload, LoopbackServer server) {
        this.workload = workload;
        this.server = server;
    }

    public Workload workload() {
        return workload;
    }

    /** The server the workload's units call, if it has one. */
    public Optional<LoopbackServer> server() {
        return Optional.ofNullable(server);
    }

    /** Stops the workload's server, if any, and waits for it. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return workload.describe() + (server == null ? "" : " with " + server);
    }
}
