package org.concurrencybench.executors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concurrencybench.core.serve.BlockingConnection;
import org.concurrencybench.core.serve.Parsed;
import org.concurrencybench.core.serve.Refusal;
import org.concurrencybench.core.serve.RequestParser;
import org.concurrencybench.core.serve.Responses;
import org.concurrencybench.core.serve.Router;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.core.serve.UnitRequest;
import org.concurrencybench.core.SelectorChannels;

/**
 * The server of the pool models (thread-pool, completable-future, fork-join), in the shape of a
 * servlet container's NIO connector: one poller thread accepts every connection, reads it and
 * parses its requests; each parsed request goes to the model's pool ({@link RequestHandlers}),
 * whose thread computes the slice, waits and writes the response; the connection then goes back
 * to the poller, which parses the next request or waits for one.
 *
 * <p>A pool thread is held only while a request is in progress, never by an idle kept-alive
 * connection: with 1,000 kept-alive connections and a pool of 200, 200 requests are in flight
 * and the others queue at the pool, each connection served in its turn. The other shape, a pool
 * thread blocked on each connection for its whole life, would serve 200 connections and leave
 * the other 800 unanswered for as long as those 200 stay open.
 *
 * <p>A connection has one request in progress at a time: while the pool has it the poller does
 * not read it, so pipelined requests wait in its buffer or its socket and are answered in order.
 * The sockets are non-blocking, so a handler's write takes what the socket takes at once; the
 * rest, if a client does not read, is written by the poller when the socket is writable. After
 * a refusal, or a response to a request that does not keep the connection alive, the poller
 * closes the connection the way {@link BlockingConnection} does: output shut down, then reading
 * until the client closes, at most {@link BlockingConnection#LINGER_MS} and
 * {@link BlockingConnection#LINGER_BYTES}.
 *
 * <p>{@link #close()} stops the poller, which closes the listener and every connection as it
 * ends, waits for it, then shuts the pool down: requests in progress are interrupted and their
 * responses, if any, meet a closed socket.
 */
final class PollerServer implements Server {

    /** Connections waiting to be accepted; past it the kernel refuses them. */
    static final int BACKLOG = 4_096;

    /** Bytes read at once: a usual request is a few hundred, and every open connection holds these. */
    private static final int READ_BYTES = 2 * 1024;
    /**
     * How long accepting pauses when the process has no descriptor left for a connection: the
     * connection stays in the backlog, and accepting again at once would spin.
     */
    private static final long ACCEPT_PAUSE_MS = 100;

    private final String model;
    private final Router router;
    private final RequestHandlers handlers;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final InetSocketAddress address;
    private final Thread poller;
    /** What handler threads hand back to the poller: the connection after a response, or its close. */
    private final Queue<Runnable> handedBack = new ConcurrentLinkedQueue<>();
    /** Closing connections in the order of their deadlines, which are all LINGER_MS after their start. */
    private final ArrayDeque<Connection> lingering = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Throwable crashed;
    /** When accepting resumes after the descriptors ran out ({@link System#nanoTime()}); poller only. */
    private long acceptResumesAt;
    private boolean acceptPaused;

    private PollerServer(String model, Serve serve, InetSocketAddress address, String pollerName,
                         RequestHandlers handlers) throws IOException {
        this.model = model;
        this.router = new Router(serve);
        this.handlers = handlers;
        listener = ServerSocketChannel.open();
        try {
            listener.bind(address, BACKLOG);
            listener.configureBlocking(false);
            selector = Selector.open();
            acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException failed) {
            listener.close();
            throw failed;
        }
        this.address = (InetSocketAddress) listener.getLocalAddress();
        poller = Thread.ofPlatform().name(pollerName + "-" + this.address.getPort()).daemon().unstarted(this::poll);
    }

    /**
     * Binds to {@code address} and starts the poller, named {@code <pollerName>-<port>}; the
     * server owns {@code handlers} from here on, and shuts them down if the start fails.
     */
    static PollerServer start(String model, Serve serve, InetSocketAddress address, String pollerName,
                              RequestHandlers handlers) throws IOException {
        try {
            PollerServer server = new PollerServer(model, serve, address, pollerName, handlers);
            server.poller.start();
            return server;
        } catch (IOException | RuntimeException failed) {
            handlers.shutdownNowAndAwait();
            throw failed;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private void poll() {
        try {
            while (!stopping) {
                long timeoutMs = dueInMs();
                selector.select(this::ready, timeoutMs);
                for (Runnable next = handedBack.poll(); next != null; next = handedBack.poll()) {
                    next.run();
                }
            }
        } catch (IOException | RuntimeException failed) {
            if (!stopping) {
                crashed = failed;
            }
        } finally {
            closeEverything();
        }
    }

    /**
     * Closes the lingering connections whose time is up and resumes a paused accept whose time
     * has come; the milliseconds until the next such deadline, or 0 (no timeout) if none.
     */
    private long dueInMs() {
        long now = System.nanoTime();
        while (!lingering.isEmpty() && (lingering.peek().closed || lingering.peek().lingerUntil - now <= 0)) {
            lingering.poll().close();
        }
        if (acceptPaused && acceptResumesAt - now <= 0) {
            acceptPaused = false;
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
        long next = Long.MAX_VALUE;
        if (!lingering.isEmpty()) {
            next = lingering.peek().lingerUntil - now;
        }
        if (acceptPaused) {
            next = Math.min(next, acceptResumesAt - now);
        }
        // rounded up, so that the select does not return just before the deadline
        return next == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(next + 999_999));
    }

    private void ready(SelectionKey key) {
        if (key == acceptKey) {
            accept();
            return;
        }
        Connection connection = (Connection) key.attachment();
        connection.guarded(() -> {
            if (key.isWritable()) {
                connection.writable();
            } else if (key.isReadable()) {
                connection.readable();
            }
        });
    }

    private void accept() {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException outOfDescriptors) {
                acceptPaused = true;
                acceptResumesAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACCEPT_PAUSE_MS);
                acceptKey.interestOps(0);
                return;
            }
            if (channel == null) {
                return;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection connection = new Connection(channel);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException clientGone) {
                SelectorChannels.closeQuietly(channel);
            }
        }
    }

    private void closeEverything() {
        lingering.clear();
        handedBack.clear();
        SelectorChannels.closeAll(selector, listener);
    }


    /** Stops accepting, closes every connection, ends the poller, then the pool, and waits for both. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        selector.wakeup();
        boolean interrupted = false;
        while (poller.isAlive()) {
            try {
                poller.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        try {
            handlers.shutdownNowAndAwait();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable failure = crashed;
        if (failure != null) {
            throw new UncheckedIOException(model + ": the poller of the server on " + address + " failed: " + failure,
                    failure instanceof IOException io ? io : new IOException(failure));
        }
    }

    @Override
    public String toString() {
        return model + " poller server on " + address;
    }

    /** An I/O step on a connection; a failure closes that connection alone. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /**
     * One accepted connection. Its buffer, parser and state are the poller's; a handler thread
     * touches only the socket, to write its response, and hands the rest back.
     */
    private final class Connection implements RequestHandlers.Reply {

        private final SocketChannel channel;
        private final RequestParser parser = new RequestParser();
        /** Read mode while requests are parsed from it; cleared (write mode) while the poller reads. */
        private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
        private SelectionKey key;
        /** Whether the connection stays open after the response being answered. */
        private boolean keepAlive;
        private ByteBuffer unwritten;
        private boolean lingers;
        private long lingerUntil;
        private long lingerBytesLeft;
        private boolean closed;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void readable() throws IOException {
            buffer.clear();
            int read = channel.read(buffer);
            if (read < 0) {
                close();
            } else if (lingers) {
                lingerBytesLeft -= read;
                if (lingerBytesLeft <= 0) {
                    close();
                }
            } else {
                buffer.flip();
                next();
            }
        }

        /** Parses the next request from the buffer and starts it, or waits to read more. */
        private void next() throws IOException {
            Parsed parsed = parser.next(buffer);
            if (parsed == null) {
                key.interestOps(SelectionKey.OP_READ);
                return;
            }
            switch (router.route(parsed)) {
                case UnitRequest request -> {
                    keepAlive = request.keepAlive();
                    key.interestOps(0);
                    try {
                        handlers.handle(request, this);
                    } catch (RejectedExecutionException closing) {
                        close();
                    }
                }
                case Refusal refusal -> {
                    keepAlive = false;
                    ByteBuffer response = ByteBuffer.wrap(Responses.refusal(refusal));
                    channel.write(response);
                    written(response);
                }
            }
        }

        void writable() throws IOException {
            channel.write(unwritten);
            written(unwritten);
        }

        /** After a write: the rest when the socket is writable, else on to what follows the response. */
        private void written(ByteBuffer response) throws IOException {
            if (response.hasRemaining()) {
                unwritten = response;
                key.interestOps(SelectionKey.OP_WRITE);
            } else {
                unwritten = null;
                if (keepAlive) {
                    next();
                } else {
                    linger();
                }
            }
        }

        private void linger() throws IOException {
            channel.shutdownOutput();
            lingers = true;
            lingerUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BlockingConnection.LINGER_MS);
            lingerBytesLeft = BlockingConnection.LINGER_BYTES;
            key.interestOps(SelectionKey.OP_READ);
            lingering.add(this);
        }

        /** On a handler thread. */
        @Override
        public void send(byte[] response) {
            ByteBuffer bytes = ByteBuffer.wrap(response);
            try {
                channel.write(bytes);
            } catch (IOException clientGoneOrServerClosed) {
                abandon();
                return;
            }
            handBack(() -> guarded(() -> written(bytes)));
        }

        /** On a handler thread. */
        @Override
        public void abandon() {
            handBack(this::close);
        }

        private void handBack(Runnable onPoller) {
            handedBack.add(onPoller);
            selector.wakeup();
        }

        /** Runs {@code step} on the poller unless the connection is closed; a failure closes it. */
        void guarded(Step step) {
            if (closed) {
                return;
            }
            try {
                step.run();
            } catch (IOException | CancelledKeyException clientGone) {
                close();
            }
        }

        void close() {
            if (!closed) {
                closed = true;
                key.cancel();
                SelectorChannels.closeQuietly(channel);
            }
        }
    }
}
