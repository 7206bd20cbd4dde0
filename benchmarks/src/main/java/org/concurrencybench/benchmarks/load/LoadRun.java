package org.concurrencybench.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * One run of the generator: a single thread, a {@link Selector} over every connection, and the
 * schedule. Each turn of the loop makes the requests whose intended start has passed due, gives
 * up those that waited past the time-out for a connection, hands the rest to free connections
 * (idle ones first, then closed ones, which connect first), reads whatever answers arrived and
 * sleeps until the next request is due. Requests never wait for answers to be made due: the load
 * is open-loop.
 *
 * <p>While no answer is awaited the loop parks until the next request is due; while answers are
 * awaited it sleeps in its selector, and the {@link Pacer} wakes it when the next request is due,
 * so requests leave within some tens of microseconds of their intended start either way.
 *
 * <p>Used once: {@link #execute()} on the thread that owns it, then {@link #close()}, then
 * {@link #result()}. {@link #stop()} may be called from any thread.
 */
final class LoadRun implements AutoCloseable {

    /** How often requests in flight are checked against the time-out: a time-out is seen this late at most. */
    private static final long TIMEOUT_SCAN_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Below this a wait is not worth a sleep: the loop looks at its sockets and comes straight back. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final LoadSettings settings;
    private final IntFunction<byte[]> expectedBody;
    private final InetSocketAddress address;
    private final RequestText requestText;
    private final long timeoutNanos;
    private final Selector selector;
    private final Pacer pacer;
    private final Connection[] connections;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Connection> closed = new ArrayDeque<>();
    private final DueRequests due = new DueRequests();
    private final Schedule schedule;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final Tally warmup = new Tally();
    private final Tally measured = new Tally();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile boolean stopped;
    private volatile Thread loopThread;

    private int carrying;
    private long warmupEnds;
    private long scheduleEnds;
    private long nextNumber;
    private long nextIntended;
    private boolean scheduleDone;
    private long answeredInPeriod;
    private long loopCpuNanos;

    LoadRun(LoadSettings settings, IntFunction<byte[]> expectedBody, String name) throws IOException {
        this.settings = settings;
        this.expectedBody = expectedBody;
        this.address = settings.target().address();
        this.requestText = new RequestText(settings.target());
        this.timeoutNanos = settings.timeout().toNanos();
        this.schedule = Schedule.of(settings);
        this.connections = new Connection[settings.connections()];
        for (int i = 0; i < connections.length; i++) {
            connections[i] = new Connection(requestText.newBuffer());
        }
        this.selector = Selector.open();
        try {
            this.pacer = new Pacer(selector, Schedule.of(settings), name.replace("generator", "pacer"));
        } catch (RuntimeException | Error failed) {
            selector.close();
            throw failed;
        }
    }

    /** Opens the connections, runs the warm-up and the measured period, and waits for the last answers. */
    void execute() throws IOException {
        loopThread = Thread.currentThread();
        openConnections();
        long cpuBefore = cpuNanos();
        measure();
        loopCpuNanos = cpuNanos() - cpuBefore;
    }

    /** When the measured period began and ended, in {@link System#nanoTime()}: one clock for every JVM of this machine. */
    long[] measuredPeriodNanoTimes() {
        return new long[] {warmupEnds, scheduleEnds};
    }

    /** Ends the run early: {@link #execute()} returns soon after, without a result. */
    void stop() {
        stopped = true;
        selector.wakeup();
        Thread loop = loopThread;
        if (loop != null) {
            LockSupport.unpark(loop);
        }
    }

    /** The run's figures; call after {@link #close()}, which completes the pacer's CPU time. */
    LoadResult result() {
        double seconds = settings.duration().toNanos() / 1e9;
        return new LoadResult(settings, measured.scheduled, measured.sent, measured.completed,
                answeredInPeriod / seconds, LoadErrors.of(measured), measured.reconnects,
                LatencySummary.of(measured.corrected), LatencySummary.of(measured.uncorrected),
                measured.corrected, measured.uncorrected, warmup.scheduled,
                (loopCpuNanos + pacer.cpuNanos()) / 1e6);
    }

    /**
     * Connects every connection before t0, so the first requests do not pay for it; gives up on
     * those not connected within the time-out (the requests that need them connect again and
     * are counted if that fails).
     */
    private void openConnections() throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        for (Connection connection : connections) {
            open(connection);
        }
        while (!stopped && connecting() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            selector.select(this::handle, millisAtLeastOne(left));
        }
        for (Connection connection : connections) {
            if (connection.state == Connection.State.CONNECTING) {
                closeSocket(connection);
                closed.addLast(connection);
            }
        }
    }

    private int connecting() {
        int count = 0;
        for (Connection connection : connections) {
            if (connection.state == Connection.State.CONNECTING) {
                count++;
            }
        }
        return count;
    }

    private void measure() throws IOException {
        long t0 = System.nanoTime();
        pacer.start(t0);
        warmupEnds = t0 + settings.warmup().toNanos();
        scheduleEnds = warmupEnds + settings.duration().toNanos();
        nextNumber = schedule.nextNumber();
        nextIntended = t0 + schedule.nextOffsetNanos();
        long nextScan = t0 + TIMEOUT_SCAN_NANOS;
        while (!stopped) {
            long now = System.nanoTime();
            makeDue(t0, now);
            expireWaiting(now);
            dispatch();
            if (now - nextScan >= 0) {
                expireInFlight(now);
                nextScan = now + TIMEOUT_SCAN_NANOS;
            }
            if (scheduleDone && due.isEmpty() && carrying == 0) {
                return;
            }
            await(nextScan);
        }
    }

    private Tally phaseOf(long intendedNanoTime) {
        return intendedNanoTime - warmupEnds < 0 ? warmup : measured;
    }

    private void makeDue(long t0, long now) {
        while (!scheduleDone && nextIntended - now <= 0) {
            phaseOf(nextIntended).scheduled++;
            due.add(nextNumber, nextIntended);
            nextNumber = schedule.nextNumber();
            nextIntended = t0 + schedule.nextOffsetNanos();
            scheduleDone = nextIntended - scheduleEnds >= 0;
        }
    }

    /** Requests that waited for a connection past their time-out: failed, with the time they waited. */
    private void expireWaiting(long now) {
        while (!due.isEmpty() && now - due.firstIntended() >= timeoutNanos) {
            Tally tally = phaseOf(due.firstIntended());
            Latencies.record(tally.corrected, now - due.firstIntended());
            tally.fail(Failure.TIMED_OUT);
            tally.timedOutUnsent++;
            due.removeFirst();
        }
    }

    private void dispatch() {
        while (!due.isEmpty()) {
            Connection connection = idle.pollFirst();
            if (connection == null) {
                connection = closed.pollFirst();
            }
            if (connection == null) {
                return;
            }
            long number = due.firstNumber();
            long intended = due.firstIntended();
            due.removeFirst();
            carry(connection, number, intended);
        }
    }

    private void carry(Connection connection, long number, long intended) {
        int unit = (int) (number % settings.units());
        connection.carrying = true;
        connection.intendedNanoTime = intended;
        connection.written = false;
        connection.tally = phaseOf(intended);
        connection.tally.sent++;
        carrying++;
        byte[] expected = expectedBody.apply(unit);
        if (expected == null) {
            throw new IllegalStateException("the expected body of unit " + unit + " is null");
        }
        connection.parser.start(expected);
        requestText.encode(unit, connection.request);
        if (connection.state == Connection.State.IDLE) {
            send(connection);
        } else {
            if (connection.opened) {
                connection.tally.reconnects++;
            }
            open(connection);
        }
    }

    private void open(Connection connection) {
        connection.opened = true;
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.channel = channel;
            if (channel.connect(address)) {
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connected(connection);
            } else {
                connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
                connection.state = Connection.State.CONNECTING;
            }
        } catch (IOException failed) {
            connection.channel = channel;
            connectFailed(connection);
        }
    }

    private void connected(Connection connection) {
        if (connection.carrying) {
            send(connection);
        } else {
            connection.state = Connection.State.IDLE;
            idle.addLast(connection);
        }
    }

    private void connectFailed(Connection connection) {
        closeSocket(connection);
        if (connection.carrying) {
            settle(connection, Failure.REFUSED);
        }
        closed.addLast(connection);
    }

    private void send(Connection connection) {
        connection.state = Connection.State.BUSY;
        connection.written = true;
        connection.sentNanoTime = System.nanoTime();
        try {
            connection.channel.write(connection.request);
        } catch (IOException failed) {
            lost(connection, Failure.RESET);
            return;
        }
        if (connection.request.hasRemaining()) {
            connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    private void handle(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        if (!key.isValid() || connection.key != key) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) {
            finishConnect(connection);
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            writeRest(connection);
        }
        if ((ready & SelectionKey.OP_READ) != 0 && key.isValid()) {
            read(connection);
        }
    }

    private void finishConnect(Connection connection) {
        try {
            connection.channel.finishConnect();
        } catch (IOException failed) {
            connectFailed(connection);
            return;
        }
        connection.key.interestOps(SelectionKey.OP_READ);
        connected(connection);
    }

    private void writeRest(Connection connection) {
        try {
            connection.channel.write(connection.request);
        } catch (IOException failed) {
            lost(connection, Failure.RESET);
            return;
        }
        if (!connection.request.hasRemaining()) {
            connection.key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Connection connection) {
        ByteBuffer in = readBuffer.clear();
        int read;
        try {
            read = connection.channel.read(in);
        } catch (IOException failed) {
            lost(connection, Failure.RESET);
            return;
        }
        if (read == 0) {
            return;
        }
        if (read < 0) {
            lost(connection, Failure.CLOSED);
            return;
        }
        if (!connection.carrying) {
            // bytes no request asked for: nothing on this connection can be trusted any more
            drop(connection);
            return;
        }
        long now = System.nanoTime();
        in.flip();
        switch (connection.parser.feed(in)) {
            case MORE -> { }
            case MALFORMED -> malformed(connection);
            case COMPLETE -> {
                if (in.hasRemaining()) {
                    malformed(connection);
                } else {
                    answered(connection, now);
                }
            }
        }
    }

    private void answered(Connection connection, long now) {
        Tally tally = connection.tally;
        Latencies.record(tally.corrected, now - connection.intendedNanoTime);
        Latencies.record(tally.uncorrected, now - connection.sentNanoTime);
        ResponseParser parser = connection.parser;
        if (parser.status() != 200) {
            tally.status(parser.status());
        } else if (!parser.bodyMatches()) {
            tally.fail(Failure.WRONG_BODY);
        } else {
            tally.completed++;
            if (now - warmupEnds >= 0 && now - scheduleEnds < 0) {
                answeredInPeriod++;
            }
        }
        release(connection);
        if (parser.closeAfter()) {
            closeSocket(connection);
            closed.addLast(connection);
        } else {
            connection.state = Connection.State.IDLE;
            idle.addLast(connection);
        }
    }

    private void malformed(Connection connection) {
        settle(connection, Failure.MALFORMED);
        closeSocket(connection);
        closed.addLast(connection);
    }

    /** The connection failed or the server closed it: its request, if any, fails with {@code failure}. */
    private void lost(Connection connection, Failure failure) {
        if (connection.carrying) {
            settle(connection, failure);
            closeSocket(connection);
            closed.addLast(connection);
        } else {
            drop(connection);
        }
    }

    /** Closes a connection that carries no request; it opens again when a request needs it. */
    private void drop(Connection connection) {
        if (connection.state == Connection.State.IDLE) {
            idle.remove(connection);
        }
        closeSocket(connection);
        closed.addLast(connection);
    }

    /** Requests in flight past their time-out: failed, with the time they waited, and their connections closed. */
    private void expireInFlight(long now) {
        for (Connection connection : connections) {
            if (connection.carrying && now - connection.intendedNanoTime >= timeoutNanos) {
                Tally tally = connection.tally;
                Latencies.record(tally.corrected, now - connection.intendedNanoTime);
                if (connection.written) {
                    Latencies.record(tally.uncorrected, now - connection.sentNanoTime);
                }
                settle(connection, Failure.TIMED_OUT);
                closeSocket(connection);
                closed.addLast(connection);
            }
        }
    }

    private void settle(Connection connection, Failure failure) {
        connection.tally.fail(failure);
        release(connection);
    }

    private void release(Connection connection) {
        connection.carrying = false;
        connection.tally = null;
        carrying--;
    }

    /**
     * Sleeps until the next request is due, a waiting request would time out or the time-outs
     * are checked, or a socket is ready. A selector sleeps in whole milliseconds: the wait for the
     * next request is ended by a park or by the {@link Pacer}, to within the OS's timer slack.
     */
    private void await(long nextScan) throws IOException {
        long now = System.nanoTime();
        long wake = now + TimeUnit.SECONDS.toNanos(1);
        if (carrying > 0 || !due.isEmpty()) {
            wake = earlier(wake, nextScan);
        }
        if (!due.isEmpty()) {
            wake = earlier(wake, due.firstIntended() + timeoutNanos);
        }
        if (!scheduleDone) {
            wake = earlier(wake, nextIntended);
        }
        long left = wake - now;
        if (left <= SPIN_NANOS) {
            selector.selectNow(this::handle);
            return;
        }
        if (scheduleDone) {
            selector.select(this::handle, millisAtLeastOne(left));
            return;
        }
        if (carrying == 0 && due.isEmpty()) {
            // no answer is awaited: only the next request can wake the loop, and a park keeps its
            // time to the microsecond without the pacer (an idle socket's news can wait till then)
            LockSupport.parkNanos(this, left);
            return;
        }
        pacer.loopSleepsUntil(nextIntended);
        try {
            selector.select(this::handle, millisAtLeastOne(left));
        } finally {
            pacer.loopWakes();
        }
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /** A selector time-out that never ends a wait early (0 would mean no time-out at all). */
    private static long millisAtLeastOne(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    private void closeSocket(Connection connection) {
        connection.state = Connection.State.CLOSED;
        if (connection.key != null) {
            connection.key.cancel();
            connection.key = null;
        }
        if (connection.channel != null) {
            try {
                connection.channel.close();
            } catch (IOException ignored) {
                // the socket is gone either way
            }
            connection.channel = null;
        }
    }

    private long cpuNanos() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** Closes every socket, the selector and the pacer's thread. */
    @Override
    public void close() {
        for (Connection connection : connections) {
            closeSocket(connection);
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // every channel is closed already
        } finally {
            pacer.close();
        }
    }
}
