package org.concurrencybench.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A unit that makes one request over loopback TCP to a {@link LoopbackServer} and returns its
 * answer: connect to 127.0.0.1:{@code port}, send the unit's index and {@code delayMs}, read the
 * 8-byte answer the server sends after {@code delayMs}, which closes the connection.
 *
 * <p>{@link #run} is the plain blocking client (a {@link Socket}), what a thread-per-request
 * model and virtual threads use. A model that waits without holding a thread speaks the same
 * protocol through {@link #request}, {@link #answerOf} and {@link #failure}.
 *
 * <p>{@code port = 0} is a workload not yet bound to a server ({@link Workloads#create}); only
 * {@link Workloads#open} starts the server and binds its port.
 */
public record Request(int port, long delayMs) implements Kernel {

    /** The request: the unit's index and the delay, two big-endian ints. */
    public static final int REQUEST_BYTES = 8;
    /** The answer: one big-endian long. */
    public static final int ANSWER_BYTES = 8;
    /** How long a connect may take before the unit fails: loopback connects in microseconds. */
    public static final int CONNECT_TIMEOUT_MS = 10_000;
    /** How long past {@code delayMs} a unit waits for its answer before it fails. */
    public static final int ANSWER_GRACE_MS = 30_000;

    public Request {
        Checks.range("io", "port", port, 0, 65_535);
        Checks.range("io", "delayMs", delayMs, 0, Sleep.MAX_DELAY_MS);
    }

    /** The answer the server gives unit {@code unit}. */
    public static long answer(int unit) {
        return 3L * unit + 1;
    }

    /** Where the server listens. */
    public InetSocketAddress address() {
        ensureBound();
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Unit {@code unit}'s request, ready to write. */
    public ByteBuffer request(int unit) {
        return ByteBuffer.allocate(REQUEST_BYTES).putInt(unit).putInt((int) delayMs).flip();
    }

    /** The answer in {@code answer} (full, flipped) for unit {@code unit}; a wrong one fails the unit. */
    public long answerOf(int unit, ByteBuffer answer) {
        long value = answer.getLong(0);
        if (value != answer(unit)) {
            throw new IllegalStateException("io server at " + where() + " answered unit " + unit + " with " + value
                    + ", expected " + answer(unit));
        }
        return value;
    }

    @Override
    public long run(int unit, int units) throws InterruptedException {
        InetSocketAddress address = address();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(address, CONNECT_TIMEOUT_MS);
            socket.setSoTimeout((int) delayMs + ANSWER_GRACE_MS);
            socket.getOutputStream().write(request(unit).array());
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(ANSWER_BYTES);
            if (answer.length < ANSWER_BYTES) {
                throw failure(unit, new IOException("the server closed the connection before answering"));
            }
            return answerOf(unit, ByteBuffer.wrap(answer));
        } catch (IOException failed) {
            if (Thread.interrupted()) {
                // a virtual thread's socket is closed by interruption: that is a cancellation
                throw new InterruptedException("io unit " + unit + " interrupted");
            }
            throw failure(unit, failed);
        }
    }

    /**
     * The failure of unit {@code unit}'s request, in words that say what to do: a refused
     * connection means no server listens there; a timeout means the server stopped answering.
     */
    public UncheckedIOException failure(int unit, Throwable thrown) {
        Throwable cause = thrown instanceof UncheckedIOException unchecked ? unchecked.getCause() : thrown;
        if (cause instanceof UncheckedIOException already) {
            return already;
        }
        String message;
        if (cause instanceof ConnectException) {
            message = "io server at " + where() + " refused the connection for unit " + unit
                    + ": no server listens there (the io workload's server runs only while the workload is open)";
        } else if (cause instanceof SocketTimeoutException || cause instanceof java.nio.channels.InterruptedByTimeoutException) {
            message = "io server at " + where() + " did not answer unit " + unit + " within "
                    + (delayMs + ANSWER_GRACE_MS) + " ms";
        } else {
            message = "io request of unit " + unit + " to " + where() + " failed: " + cause;
        }
        IOException io = cause instanceof IOException known ? new IOException(message, known) : new IOException(message, cause);
        return new UncheckedIOException(message, io);
    }

    private String where() {
        return "127.0.0.1:" + port;
    }

    private void ensureBound() {
        if (port == 0) {
            throw new IllegalStateException("io has no server to call: open the workload with Workloads.open, "
                    + "which starts its loopback server and binds its port");
        }
    }

    @Override
    public long expected(int units) {
        return 3 * Identity.sumOfIndices(units) + units;
    }

    @Override
    public boolean waits() {
        return true; // at least a round trip through the server, whatever its delay
    }

    @Override
    public Map<String, Long> parameters() {
        return Map.of("delayMs", delayMs);
    }
}
