package org.concurrencybench.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server the io workload calls: bound to 127.0.0.1 on a port the OS picks, it reads each
 * connection's {@link Request} (unit, delay), answers {@link Request#answer(int)} after the
 * delay and closes the connection (so the waiting, like TIME_WAIT, is on the server's side).
 *
 * <p>One platform thread and a selector serve every connection, with the pending answers in a
 * queue ordered by due time: the server holds no thread per request, so its cost is the same
 * whichever model calls it. At most {@code maxConnections} are open at once; past that the
 * server stops accepting until one closes, and further clients wait in the listen backlog.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Open connections at most, by default: well within a process's usual 20,000 descriptors. */
    public static final int DEFAULT_MAX_CONNECTIONS = 4_096;

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final SelectionKey acceptKey;
    private final int maxConnections;
    private final int port;
    private final Thread loop;
    private final PriorityQueue<Pending> due = new PriorityQueue<>();
    private final AtomicLong answered = new AtomicLong();
    private volatile boolean closing;
    private volatile Throwable crashed;
    private int open;
    private long sequence;

    private record Pending(long dueNanos, long order, SocketChannel channel, ByteBuffer answer)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = Long.compare(dueNanos - other.dueNanos, 0);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private LoopbackServer(int maxConnections) throws IOException {
        this.maxConnections = (int) Checks.range("io server", "maxConnections", maxConnections, 1, 1_000_000);
        listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), maxConnections);
            listener.configureBlocking(false);
            selector = Selector.open();
            acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException failed) {
            listener.close();
            throw failed;
        }
        port = listener.socket().getLocalPort();
        loop = Thread.ofPlatform().name("loopback-server-" + port).daemon().unstarted(this::serve);
    }

    /** Starts a server with {@link #DEFAULT_MAX_CONNECTIONS}. */
    public static LoopbackServer start() throws IOException {
        return start(DEFAULT_MAX_CONNECTIONS);
    }

    public static LoopbackServer start(int maxConnections) throws IOException {
        LoopbackServer server = new LoopbackServer(maxConnections);
        server.loop.start();
        return server;
    }

    /** The port the OS gave the server. */
    public int port() {
        return port;
    }

    /** Requests answered (or answers attempted to a client that left) since the server started. */
    public long answered() {
        return answered.get();
    }

    private void serve() {
        try {
            while (!closing) {
                long wait = answerDue();
                if (wait < 0) {
                    selector.select();
                } else if (wait == 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        read(key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException closed) {
            // close() ended the loop
        } catch (IOException | RuntimeException failed) {
            if (!closing) {
                crashed = failed;
            }
        } finally {
            closeEverything();
        }
    }

    /** Sends every answer whose time has come; the nanoseconds until the next one, or -1 if none. */
    private long answerDue() throws IOException {
        while (!due.isEmpty()) {
            Pending next = due.peek();
            long left = next.dueNanos - System.nanoTime();
            if (left > 0) {
                return left;
            }
            due.poll();
            try (SocketChannel channel = next.channel) {
                answered.incrementAndGet(); // before the write, so a client that has its answer sees it counted
                channel.write(next.answer);
            } catch (IOException clientGone) {
                // the client gave up (a cancelled run); nothing to answer
            }
            closed();
        }
        return -1;
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while (open < maxConnections && (channel = listener.accept()) != null) {
            open++;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(Request.REQUEST_BYTES));
        }
        if (open >= maxConnections) {
            acceptKey.interestOps(0);
        }
    }

    private void read(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer request = (ByteBuffer) key.attachment();
        try {
            if (channel.read(request) < 0) {
                drop(key);
                return;
            }
        } catch (IOException clientGone) {
            drop(key);
            return;
        }
        if (request.hasRemaining()) {
            return;
        }
        key.interestOps(0);
        int unit = request.getInt(0);
        int delayMs = request.getInt(4);
        ByteBuffer answer = ByteBuffer.allocate(Request.ANSWER_BYTES).putLong(0, Request.answer(unit));
        due.add(new Pending(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs)), sequence++,
                channel, answer));
    }

    private void drop(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing a socket whose peer left
        }
        closed();
    }

    private void closed() {
        open--;
        if (open < maxConnections && acceptKey.isValid() && acceptKey.interestOps() == 0) {
            acceptKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    private void closeEverything() {
        for (Pending pending : due) {
            SelectorChannels.closeQuietly(pending.channel);
        }
        due.clear();
        SelectorChannels.closeAll(selector, listener);
    }


    /** Stops accepting, drops every open connection and waits for the server's thread to end. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        boolean interrupted = false;
        while (loop.isAlive()) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = crashed;
        if (failure != null) {
            throw new UncheckedIOException("io server on port " + port() + " failed: " + failure,
                    failure instanceof IOException io ? io : new IOException(failure));
        }
    }

    @Override
    public String toString() {
        return "loopback server 127.0.0.1:" + port();
    }
}
