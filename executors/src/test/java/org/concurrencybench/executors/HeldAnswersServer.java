package org.concurrencybench.executors;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Request;

/**
 * A server that speaks the io workload's protocol but answers only when told: it reads every
 * connection's request and holds it. A test knows from it how many requests are in flight at
 * once, decides when and how each is answered, and sees whether the client closed a connection.
 */
final class HeldAnswersServer implements AutoCloseable {

    /** How long the server waits for a connected client's request: a hang guard. */
    private static final int GUARD_MS = 60_000;
    /**
     * How long {@link #unitsTheClientKeptOpen} waits for clients to close, in all: a hang guard,
     * and shorter than the client's own read timeout, so that only a close by the client passes.
     */
    static final int CLOSE_GUARD_MS = 10_000;

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Object lock = new Object();
    /** The held requests by unit, each with its connection. */
    private final Map<Integer, Socket> held = new TreeMap<>();
    /** A connection that sent no request: the client under test misbehaved. */
    private IOException crashed;

    private HeldAnswersServer(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = Thread.ofPlatform().name("held-answers-server").daemon().unstarted(this::acceptAndHold);
    }

    static HeldAnswersServer start() throws IOException {
        HeldAnswersServer server = new HeldAnswersServer(new ServerSocket(0, 1_024, InetAddress.getLoopbackAddress()));
        server.acceptor.start();
        return server;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptAndHold() {
        while (!listener.isClosed()) {
            Socket connection;
            try {
                connection = listener.accept();
            } catch (IOException closed) {
                return; // close() ended the accept
            }
            try {
                connection.setSoTimeout(GUARD_MS);
                DataInputStream in = new DataInputStream(connection.getInputStream());
                int unit = in.readInt();
                in.readInt(); // the delay: this server answers when the test says so
                synchronized (lock) {
                    held.put(unit, connection);
                    lock.notifyAll();
                }
            } catch (IOException noRequest) {
                synchronized (lock) {
                    crashed = noRequest;
                    lock.notifyAll();
                }
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // the request already failed; the test sees that failure
        }
    }

    /** Requests read and not yet answered. */
    int held() {
        synchronized (lock) {
            return held.size();
        }
    }

    /** Waits until {@code count} requests are held at once; false if the timeout passes first. */
    boolean awaitHeld(int count, long timeout, TimeUnit unit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (held.size() < count) {
                if (crashed != null) {
                    throw crashed;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Answers unit {@code unit}'s held request with {@code value} and closes its connection. */
    void answer(int unit, long value) throws IOException {
        Socket connection;
        synchronized (lock) {
            connection = held.remove(unit);
        }
        if (connection == null) {
            throw new IllegalStateException("no request of unit " + unit + " is held");
        }
        try (connection) {
            connection.getOutputStream().write(ByteBuffer.allocate(Request.ANSWER_BYTES).putLong(value).array());
        }
    }

    /** Answers every held request as the workload's own server would. */
    void answerAll() throws IOException {
        List<Integer> units;
        synchronized (lock) {
            units = new ArrayList<>(held.keySet());
        }
        for (int unit : units) {
            answer(unit, Request.answer(unit));
        }
    }

    /**
     * The held units whose client has not closed its connection: the server reads each until the
     * client's end of stream, all within {@link #CLOSE_GUARD_MS}. A client that closed has done so
     * by the time it returns, so the guard only bounds how long a client that did not is waited for.
     */
    List<Integer> unitsTheClientKeptOpen() throws IOException {
        Map<Integer, Socket> waiting;
        synchronized (lock) {
            waiting = new TreeMap<>(held);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GUARD_MS);
        List<Integer> open = new ArrayList<>();
        for (Map.Entry<Integer, Socket> request : waiting.entrySet()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (!closedByTheClient(request.getValue(), (int) Math.max(1, leftMs))) {
                open.add(request.getKey());
            }
        }
        return open;
    }

    private static boolean closedByTheClient(Socket connection, int guardMs) throws IOException {
        connection.setSoTimeout(guardMs);
        try {
            return connection.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            // a client that closes with unread bytes resets the connection: closed all the same
            return true;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        acceptor.join();
        synchronized (lock) {
            for (Socket connection : held.values()) {
                connection.close();
            }
            held.clear();
        }
    }
}
