package org.concurrencybench.executors;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.ShutdownChannelGroupException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * async's server: NIO.2, an {@link AsynchronousServerSocketChannel} in the model's channel group,
 * whose completions run on the model's P threads. Nothing waits on a thread: an accept, a read
 * and a write are operations whose completion handlers run when the socket is ready, and a
 * request's delay is a timer ({@link AsyncConnection}). So every connection has its request in
 * flight at once, whatever P is, as an asyncio server does.
 *
 * <p>{@link #close()} closes the listener and every connection, which fails their pending
 * operations and cancels their timers. The server starts no thread: the group's threads are the
 * model's, and end with it.
 */
final class AsyncServer implements Server {

    /** Connections waiting to be accepted; past it the kernel refuses them. */
    static final int BACKLOG = 4_096;

    /** How long accepting pauses after it failed (no descriptor left for a connection), as a timer. */
    private static final long ACCEPT_PAUSE_MS = 100;

    private final Serve serve;
    private final Executor pool;
    private final AsynchronousServerSocketChannel listener;
    private final InetSocketAddress address;
    private final Set<AsyncConnection> open = ConcurrentHashMap.newKeySet();
    private final Executor afterAcceptPause;
    private volatile boolean closed;

    private AsyncServer(Serve serve, Executor pool, AsynchronousServerSocketChannel listener) throws IOException {
        this.serve = serve;
        this.pool = pool;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.afterAcceptPause = CompletableFuture.delayedExecutor(ACCEPT_PAUSE_MS, TimeUnit.MILLISECONDS, pool);
    }

    /** Binds to {@code address} in {@code group}, whose completions run on {@code pool}, and starts accepting. */
    static AsyncServer start(Serve serve, InetSocketAddress address, AsynchronousChannelGroup group, Executor pool)
            throws IOException {
        AsynchronousServerSocketChannel listener = AsynchronousServerSocketChannel.open(group);
        AsyncServer server;
        try {
            listener.bind(address, BACKLOG);
            server = new AsyncServer(serve, pool, listener);
        } catch (IOException | RuntimeException failed) {
            listener.close();
            throw failed;
        }
        server.acceptNext();
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private void acceptNext() {
        try {
            listener.accept(null, acceptor);
        } catch (ShutdownChannelGroupException modelClosed) {
            close();
        }
    }

    private final CompletionHandler<AsynchronousSocketChannel, Void> acceptor = new CompletionHandler<>() {
        @Override
        public void completed(AsynchronousSocketChannel channel, Void nothing) {
            acceptNext();
            AsyncConnection connection = new AsyncConnection(channel, serve, pool, open::remove);
            open.add(connection);
            if (closed) {
                // close() may have looked at the connections before this one was added
                connection.close();
                return;
            }
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException clientGone) {
                connection.close();
                return;
            }
            connection.start();
        }

        @Override
        public void failed(Throwable thrown, Void nothing) {
            if (closed || thrown instanceof AsynchronousCloseException || thrown instanceof ClosedChannelException
                    || thrown instanceof ShutdownChannelGroupException) {
                return;
            }
            // the connection waits in the backlog; accepting again at once would fail again at once
            afterAcceptPause.execute(() -> {
                if (!closed) {
                    acceptNext();
                }
            });
        }
    };

    /** Stops accepting and closes every connection, which fails their pending operations and cancels their timers. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // the listener is closed either way
        }
        for (AsyncConnection connection : open) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "async NIO.2 server on " + address;
    }
}
