package org.concurrencybench.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.concurrencybench.core.serve.BlockingConnection;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.core.serve.Waiter;

/**
 * The classic blocking server of a {@link ThreadPerTaskModel}: one platform thread accepts, and
 * every accepted connection gets a new thread of its own, of the model's kind, that runs
 * {@link BlockingConnection#serve} on it until the connection ends, sleeping through each
 * request's wait ({@link Waiter#SLEEP}). Nothing is pooled: a connection pays for starting its
 * thread, as a task of the model's runs does.
 *
 * <p>The accept loop is a platform thread whatever the kind of the connections' threads. It is
 * one long-lived thread, so a virtual one would save nothing; and a virtual thread is never
 * preempted, so a virtual accept loop would wait for a carrier that every connection may be
 * holding while it computes a slice, whereas a platform one is scheduled by the OS and keeps
 * accepting. It is a daemon (and so are the platform threads it starts), so that a server its
 * owner forgot to close does not keep the JVM from exiting.
 *
 * <p>At most {@code maxConnections} connections are served at once. A connection accepted beyond
 * that is closed at once, unread (its client sees the connection end without an answer), and
 * counted in {@link #refused()}; so is one whose thread the JVM cannot start (an OS out of
 * threads). Either way the server goes on accepting. An accept that fails while the server is
 * open (the process out of file descriptors, usually) leaves the connection in the backlog, and
 * the loop tries again after {@link #ACCEPT_RETRY_MS} instead of spinning or dying.
 *
 * <p>{@link #close()} closes the listener, which ends the accept loop, and waits for it; then
 * closes every accepted socket (a platform thread blocked in a read or a write wakes only so),
 * interrupts every connection's thread (one sleeping through a wait) and joins them all, within
 * {@link #CLOSE_BOUND} in all.
 */
final class ThreadPerConnectionServer implements Server {

    /** Connections the OS queues while the accept loop catches up: generous, for bursts of clients. */
    static final int BACKLOG = 4_096;

    /** How long the accept loop waits after a failed accept before it tries again. */
    static final long ACCEPT_RETRY_MS = 50;

    /**
     * How long {@link #close()} waits for the server's threads to end. A closed socket or an
     * interrupt ends a connection at once; only a slice being computed holds its thread, until
     * the slice is done, so a thread still alive after this ignores both.
     */
    static final Duration CLOSE_BOUND = Duration.ofSeconds(10);

    private final String model;
    private final Serve serve;
    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final ThreadFactory connectionThreads;
    private final int maxConnections;
    private final Thread acceptLoop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    /** Every connection being served: its socket, and the thread serving it, which removes it when it ends. */
    private final Map<Socket, Thread> open = new ConcurrentHashMap<>();
    /**
     * The threads whose connection has ended but which may not have exited yet: close() joins
     * them too, and the accept loop forgets those that have exited.
     */
    private final Queue<Thread> ending = new ConcurrentLinkedQueue<>();

    private ThreadPerConnectionServer(String model, Serve serve, ServerSocket listener, String acceptThreadName,
                                      ThreadFactory connectionThreads, int maxConnections) {
        this.model = model;
        this.serve = serve;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.connectionThreads = connectionThreads;
        this.maxConnections = maxConnections;
        this.acceptLoop = Thread.ofPlatform().name(acceptThreadName).daemon(true).unstarted(this::acceptUntilClosed);
    }

    /**
     * A server for {@code serve} bound to {@code address}, accepting when this returns.
     *
     * @param model the id of the model that serves, for messages
     * @param acceptThreadName the name of the accept loop's platform thread: {@code threads-serve-accept}
     * @param connectionThreads makes the thread of each connection, of the model's kind and named after it
     * @param maxConnections connections served at once, at most; one more is closed at once
     * @throws java.net.BindException if the address is in use
     */
    static ThreadPerConnectionServer start(String model, Serve serve, InetSocketAddress address,
                                           String acceptThreadName, ThreadFactory connectionThreads,
                                           int maxConnections) throws IOException {
        Checks.range(model + " server", "maxConnections", maxConnections, 1, Integer.MAX_VALUE);
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(address, BACKLOG);
        } catch (IOException | RuntimeException failed) {
            listener.close();
            throw failed;
        }
        ThreadPerConnectionServer server = new ThreadPerConnectionServer(model, serve, listener, acceptThreadName,
                connectionThreads, maxConnections);
        server.acceptLoop.start();
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /** Connections closed unserved since the server started: beyond {@code maxConnections}, or no thread to serve them. */
    long refused() {
        return refused.get();
    }

    private void acceptUntilClosed() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException failed) {
                if (closed.get() || listener.isClosed()) {
                    return;
                }
                if (!pauseBeforeRetrying()) {
                    return;
                }
                continue;
            }
            forgetThreadsThatHaveExited();
            if (closed.get() || open.size() >= maxConnections) {
                refuse(socket);
            } else {
                serveOnItsOwnThread(socket);
            }
        }
    }

    /** Waits {@link #ACCEPT_RETRY_MS}; false if close() interrupted the wait. */
    private static boolean pauseBeforeRetrying() {
        try {
            Thread.sleep(ACCEPT_RETRY_MS);
            return true;
        } catch (InterruptedException closing) {
            return false;
        }
    }

    private void serveOnItsOwnThread(Socket socket) {
        try {
            Thread thread = connectionThreads.newThread(() -> {
                try {
                    BlockingConnection.serve(socket, serve, Waiter.SLEEP);
                } finally {
                    // in ending before it leaves open, so that close() finds it in one or the other
                    ending.add(Thread.currentThread());
                    open.remove(socket);
                }
            });
            // in the map before it starts, so that its removal cannot come first
            open.put(socket, thread);
            thread.start();
        } catch (RuntimeException | OutOfMemoryError cannotStart) {
            // "unable to create native thread" is an OutOfMemoryError that leaves the JVM sound
            open.remove(socket);
            refuse(socket);
        }
    }

    private void refuse(Socket socket) {
        refused.incrementAndGet();
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // closed either way
        }
    }

    /** Drops the ended threads at the head of {@link #ending} that have exited, so that the queue stays short. */
    private void forgetThreadsThatHaveExited() {
        // the accept loop is the only thread that takes from the queue
        for (Thread head = ending.peek(); head != null && !head.isAlive(); head = ending.peek()) {
            ending.poll();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + CLOSE_BOUND.toNanos();
        boolean interrupted = false;
        try {
            listener.close();
        } catch (IOException alreadyGone) {
            // a listener that failed to close accepts nothing either
        }
        acceptLoop.interrupt(); // only needed while it waits to retry: the closed listener ends its accept
        interrupted |= join(acceptLoop, deadline);
        // no connection is added once the accept loop has ended; a thread that leaves open while
        // it is read was put in ending first, and ending is read after open
        List<Thread> threads = new ArrayList<>();
        open.forEach((socket, thread) -> {
            try {
                socket.close();
            } catch (IOException alreadyGone) {
                // closed either way
            }
            thread.interrupt();
            threads.add(thread);
        });
        threads.addAll(ending);
        List<Thread> stuck = new ArrayList<>();
        for (Thread thread : threads) {
            interrupted |= join(thread, deadline);
            if (thread.isAlive()) {
                stuck.add(thread);
            }
        }
        if (acceptLoop.isAlive()) {
            stuck.add(acceptLoop);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!stuck.isEmpty()) {
            throw new IllegalStateException(model + ": " + stuck.size() + " server thread(s) still running "
                    + CLOSE_BOUND.toMillis() + " ms after close() closed their sockets and interrupted them;"
                    + " a slice being computed holds them: " + describe(stuck));
        }
    }

    /**
     * Waits for {@code thread} to end, until {@code deadline} at most. An interrupt does not cut
     * the wait short: nothing of the server may outlive close(). Returns whether one came.
     */
    private static boolean join(Thread thread, long deadline) {
        boolean interrupted = false;
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    thread.join(Duration.ofNanos(left));
                }
                return interrupted;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
    }

    private static String describe(List<Thread> threads) {
        return threads.stream()
                .map(thread -> thread.getName() + " at " + Arrays.stream(thread.getStackTrace()).limit(3)
                        .map(StackTraceElement::toString).collect(Collectors.joining(" < ")))
                .collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return model + " serving on " + address + ", a thread per connection, " + open.size() + " open";
    }
}
