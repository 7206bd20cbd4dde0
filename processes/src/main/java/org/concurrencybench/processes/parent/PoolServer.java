package org.concurrencybench.processes.parent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.processes.protocol.ServeOrder;

/**
 * A pre-forked server, as gunicorn and nginx run one: every worker of a {@link WorkerPool}
 * listens on the same port with SO_REUSEPORT, and the kernel spreads the connections over
 * their listeners; each worker answers its own connections. The parent serves nothing: it
 * reserves the port, tells the workers, and stops them.
 *
 * <p>A worker that dies while serving takes its listener with it, and the kernel spreads the
 * next connections over the others; the parent waits for no answer without a bound, and an
 * answer that cannot come fails at once, when the worker's pipe ends.
 *
 * <p>Closing tells every worker to stop serving and waits for each, at most the pool's
 * cancel grace; a worker that has not answered by then is killed, as a run kills one that
 * does not answer a cancel, and the pool replaces it before its next run. The workers that
 * answer stay alive for the model's other work, and end when the model closes.
 */
final class PoolServer implements Server {

    /** The parent's own listener only holds the port until the workers listen: nothing connects to it. */
    private static final int RESERVATION_BACKLOG = 1;

    private final WorkerPool pool;
    private final long serverId;
    private final InetSocketAddress address;
    private final List<WorkerProcess> workers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PoolServer(WorkerPool pool, long serverId, InetSocketAddress address, List<WorkerProcess> workers) {
        this.pool = pool;
        this.serverId = serverId;
        this.address = address;
        this.workers = workers;
    }

    /**
     * Binds {@code address} with SO_REUSEPORT, so a port in use fails here with a
     * {@link java.net.BindException} and port 0 becomes a real port, has every worker listen on
     * that port too, and returns once all of them accept.
     */
    static PoolServer start(WorkerPool pool, long serverId, Serve serve, InetSocketAddress address,
                            List<WorkerProcess> workers) throws IOException {
        try (ServerSocketChannel reservation = ServerSocketChannel.open()) {
            reservation.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            reservation.bind(address, RESERVATION_BACKLOG);
            InetSocketAddress bound = (InetSocketAddress) reservation.getLocalAddress();
            PoolServer server = new PoolServer(pool, serverId, bound, workers);
            ServeOrder order = new ServeOrder(serverId, bound.getPort(), serve);
            List<CompletableFuture<Void>> answers = new ArrayList<>();
            for (WorkerProcess worker : workers) {
                answers.add(worker.serve(order));
            }
            Deadline deadline = Deadline.after(pool.servingWait());
            for (int i = 0; i < answers.size(); i++) {
                String failure = awaitAnswer(answers.get(i), deadline);
                if (failure != null) {
                    server.close();
                    throw new IOException("process server on " + bound + " could not start: worker "
                            + workers.get(i) + " " + failure);
                }
            }
            // The reservation closes as this returns, once every worker listens on the port. The
            // kernel spreads connections over every listener of a SO_REUSEPORT group, the
            // reservation included, and closing it resets those in its queue; but no client can
            // have connected: serve() has not returned, so nobody has been given the address yet.
            // Closed while the workers listen, the port stays bound without a gap.
            return server;
        }
    }

    /** Null once {@code answer} completes, or what went wrong: the worker's failure, or that it did not answer. */
    private static String awaitAnswer(CompletableFuture<Void> answer, Deadline deadline) {
        return Waits.uninterruptibly(deadline, nanos -> {
            try {
                answer.get(nanos, TimeUnit.NANOSECONDS);
                return null;
            } catch (TimeoutException silent) {
                return "did not answer within " + Durations.text(deadline.timeout());
            } catch (ExecutionException failed) {
                return failed.getCause().getMessage();
            }
        });
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /** Stops every worker's share, all at once, and waits; kills those that do not answer within the grace. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (WorkerProcess worker : workers) {
            answers.add(worker.stopServing(serverId));
        }
        Deadline grace = Deadline.after(pool.stopServingGrace());
        for (int i = 0; i < answers.size(); i++) {
            WorkerProcess worker = workers.get(i);
            if (awaitAnswer(answers.get(i), grace) != null && !worker.hasEnded()) {
                pool.retire(worker);
            }
        }
    }

    @Override
    public String toString() {
        return "process server " + serverId + " on " + address;
    }
}
