package org.concurrencybench.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The base of every model: the checks before a run (open; within the model's limits, once per workload) and
 * the dispatch to one method per workload kind. A new kind is a new abstract method here, so
 * the build fails until every model answers it.
 */
public abstract class AbstractConcurrencyModel implements ConcurrencyModel {

    private final String id;
    private final int parallelism;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<Server> servers = ConcurrentHashMap.newKeySet();
    /**
     * The workload the last check found within this model's limits. A limit depends only on the
     * model's settings and the workload, a record whose values cannot change, so a run of the
     * same workload again skips the check: it words its reason with {@code String.format}, which
     * cost a few microseconds a run once compiled and far more before, when a benchmark's
     * iterations repeat one workload thousands of times a second.
     */
    private volatile Workload withinLimits;

    protected AbstractConcurrencyModel(String id, int parallelism) {
        this.id = Checks.notBlank("id", id);
        this.parallelism = Checks.parallelism(parallelism);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int parallelism() {
        return parallelism;
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return Optional.empty();
    }

    @Override
    public final long run(Workload workload) throws InterruptedException {
        if (workload == null) {
            throw new IllegalArgumentException("workload must not be null");
        }
        ensureOpen();
        if (workload != withinLimits) {
            Optional<String> limit = limit(workload);
            if (limit.isPresent()) {
                throw new IllegalArgumentException(id + " cannot run " + workload.describe() + ": " + limit.get());
            }
            withinLimits = workload;
        }
        // once here for every model: a caller interrupted before the run has nothing of it to cancel
        if (Thread.interrupted()) {
            throw new InterruptedException(id + ": the calling thread was interrupted before " + workload.describe()
                    + " started");
        }
        return switch (workload) {
            case Batch batch -> runBatch(batch);
            case Tree tree -> runTree(tree);
            case Relay relay -> runRelay(relay);
            case Contention contention -> runContention(contention);
        };
    }

    /** N independent units; the answer is the sum of their results. */
    protected abstract long runBatch(Batch batch) throws InterruptedException;

    /** Recursive fan-out; the answer is the sum of the leaves' ordinals. */
    protected abstract long runTree(Tree tree) throws InterruptedException;

    /** A token handed round a ring of workers; the answer is the hop count seen. */
    protected abstract long runRelay(Relay relay) throws InterruptedException;

    /** Workers updating one shared counter under a lock; the answer is the counter's final value. */
    protected abstract long runContention(Contention contention) throws InterruptedException;

    @Override
    public Optional<String> limit(Serve serve) {
        return Optional.empty();
    }

    @Override
    public final Server serve(Serve serve, int port) throws IOException {
        if (serve == null) {
            throw new IllegalArgumentException("serve must not be null");
        }
        Checks.range("serve", "port", port, 0, 65_535);
        ensureOpen();
        Optional<String> limit = limit(serve);
        if (limit.isPresent()) {
            throw new IllegalArgumentException(id + " cannot serve " + serve + ": " + limit.get());
        }
        Server started = startServer(serve, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Server tracked = new TrackedServer(started);
        servers.add(tracked);
        if (closed.get()) {
            // the model was closed while the server started: nothing of it may outlive the model
            tracked.close();
            ensureOpen();
        }
        return tracked;
    }

    /**
     * Starts the model's server for {@code serve} bound to {@code address} and returns it once it
     * accepts connections; its {@link Server#close()} must end every connection, thread and
     * process it started.
     */
    protected abstract Server startServer(Serve serve, InetSocketAddress address) throws IOException;

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            // servers first: their connections may be running on the model's pools
            List.copyOf(servers).forEach(Server::close);
            shutdown();
        }
    }

    /** A model's server that leaves the model's list of open servers when it is closed. */
    private final class TrackedServer implements Server {

        private final Server server;

        TrackedServer(Server server) {
            this.server = server;
        }

        @Override
        public InetSocketAddress address() {
            return server.address();
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                servers.remove(this);
            }
        }

        @Override
        public String toString() {
            return id + " serving on " + address();
        }
    }

    /** Ends every thread and process of this model and waits for them; called once. */
    protected abstract void shutdown();

    protected final void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("model " + id + " is closed; create a new one to run more work");
        }
    }

    /** The name for a thread of this model: {@code <id>-<suffix>}. */
    protected final String threadName(Object suffix) {
        return id + "-" + suffix;
    }

    /**
     * The failure of a run, from what a future or a join reported: unwraps
     * {@link ExecutionException} and {@link CompletionException} to the unit's own exception.
     */
    protected final RunFailedException failure(Workload workload, Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RunFailedException failed) {
            return failed;
        }
        return new RunFailedException(id, workload, cause);
    }

    @Override
    public String toString() {
        return id + "(P=" + parallelism + (closed.get() ? ", closed)" : ")");
    }
}
