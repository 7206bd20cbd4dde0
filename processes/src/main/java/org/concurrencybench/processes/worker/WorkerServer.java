package org.concurrencybench.processes.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.concurrencybench.core.serve.BlockingConnection;
import org.concurrencybench.core.serve.Waiter;
import org.concurrencybench.processes.protocol.ServeOrder;

/**
 * One worker's share of a pre-forked server, as a gunicorn worker with threads: a listener
 * on the server's port, shared with the other workers through SO_REUSEPORT so that the
 * kernel spreads the connections over them, and a platform thread per accepted connection
 * running {@link BlockingConnection}, which sleeps through each request's delay.
 */
final class WorkerServer implements AutoCloseable {

    /** Connections the kernel queues before this worker accepts them: a load's burst of connects. */
    static final int BACKLOG = 4096;

    /** How long closing waits for a connection's thread to end once its socket is closed and it is interrupted. */
    private static final Duration THREAD_END_WAIT = Duration.ofSeconds(5);

    private final ServerSocketChannel listener;
    private final ServeOrder order;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private long accepted;

    private WorkerServer(ServerSocketChannel listener, ServeOrder order) {
        this.listener = listener;
        this.order = order;
        this.acceptor = Thread.ofPlatform().name(name("accept")).daemon().unstarted(this::acceptLoop);
    }

    /** Binds to the order's port beside the other workers and starts accepting. */
    static WorkerServer start(ServeOrder order) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), order.port()), BACKLOG);
        } catch (IOException | RuntimeException cannotBind) {
            listener.close();
            throw cannotBind;
        }
        WorkerServer server = new WorkerServer(listener, order);
        server.acceptor.start();
        return server;
    }

    private String name(Object suffix) {
        return "serve-" + order.serverId() + "-" + suffix;
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel channel = listener.accept();
                open.add(channel);
                Thread connection = Thread.ofPlatform().name(name(++accepted)).daemon().unstarted(() -> {
                    try {
                        BlockingConnection.serve(channel.socket(), order.serve(), Waiter.SLEEP);
                    } finally {
                        open.remove(channel);
                        connections.remove(Thread.currentThread());
                    }
                });
                connections.add(connection);
                connection.start();
            }
        } catch (IOException notAccepting) {
            if (listener.isOpen()) {
                System.err.println("worker: server " + order.serverId() + " stopped accepting: " + notAccepting);
            }
            // otherwise close() closed the listener: no more connections
        }
    }

    /**
     * Stops accepting, then ends every connection: its socket is closed (a thread blocked in a
     * read wakes only so) and its thread interrupted (one asleep in a request's delay), and
     * waited for. The acceptor is joined first, so no connection is added after the sweep.
     */
    @Override
    public void close() throws InterruptedException {
        try {
            listener.close();
        } catch (IOException alreadyClosed) {
            // nothing more to close
        }
        acceptor.join();
        for (SocketChannel channel : List.copyOf(open)) {
            try {
                channel.close();
            } catch (IOException alreadyClosed) {
                // its connection is over either way
            }
        }
        List<Thread> threads = List.copyOf(connections);
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            if (!thread.join(THREAD_END_WAIT)) {
                System.err.println("worker: " + thread.getName() + " did not end within " + THREAD_END_WAIT.toSeconds()
                        + " s of its socket closing");
            }
        }
    }
}
