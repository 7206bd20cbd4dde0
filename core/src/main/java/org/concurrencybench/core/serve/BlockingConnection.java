package org.concurrencybench.core.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The loop a thread-per-connection server runs on one accepted socket: read, parse, and for
 * each request compute its slice, wait through the {@link Waiter}, and write the response, one
 * request after another (pipelined requests are answered in order).
 *
 * <p>The loop ends, and closes the socket, when the client closes or resets the connection (in
 * the middle of a request too: that costs nothing and throws nothing), after the response to a
 * request that does not keep the connection alive, after an error response, or when the thread
 * is interrupted (at the next wait or read). A platform thread blocked in a read does not see an
 * interrupt: the server's {@code close()} closes the sockets it accepted, and that ends their
 * loops. There is no idle timeout: a connection lasts as long as its client or the server wants.
 *
 * <p>When the server is the one to close, it sends its last response, shuts down its output and
 * reads until the client closes, at most {@link #LINGER_MS} and {@link #LINGER_BYTES}: closing a
 * socket with unread bytes (requests pipelined after the last one) resets the connection, and the
 * client could lose the response it has not read yet. An NIO server closes the same way.
 */
public final class BlockingConnection {

    /** How long a closing connection waits for the client to close after its last response. */
    public static final int LINGER_MS = 1_000;
    /** How many more bytes a closing connection reads and drops before it closes anyway. */
    public static final int LINGER_BYTES = 64 * 1024;

    /** Bytes read at once: a usual request is a few hundred, and every open connection holds these. */
    private static final int READ_BYTES = 2 * 1024;

    private BlockingConnection() {
    }

    /**
     * Serves {@code socket} on the calling thread until the connection ends, then closes it.
     * Sets TCP_NODELAY so that a small response is sent at once, as every model's server does.
     * An exception the waiter throws, other than an interrupt, closes the socket and propagates.
     *
     * @return the responses written, errors included
     */
    public static long serve(Socket socket, Serve serve, Waiter waiter) {
        Router router = new Router(serve);
        RequestParser parser = new RequestParser();
        byte[] bytes = new byte[READ_BYTES];
        long answered = 0;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!Thread.currentThread().isInterrupted()) {
                int read = in.read(bytes);
                if (read < 0) {
                    return answered;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, read);
                for (Parsed parsed = parser.next(buffer); parsed != null; parsed = parser.next(buffer)) {
                    boolean keepAlive = switch (router.route(parsed)) {
                        case UnitRequest request -> {
                            long count = serve.compute(request.index());
                            waiter.await(serve.delayMs());
                            out.write(Responses.ok(request, count));
                            yield request.keepAlive();
                        }
                        case Refusal refusal -> {
                            out.write(Responses.refusal(refusal));
                            yield false;
                        }
                    };
                    answered++;
                    if (!keepAlive) {
                        linger(socket, in, bytes);
                        return answered;
                    }
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGoneOrServerClosed) {
            // the connection is over either way
        }
        return answered;
    }

    /** Sends FIN after the last response, then reads until the client closes or the linger runs out. */
    private static void linger(Socket socket, InputStream in, byte[] dropped) throws IOException {
        socket.shutdownOutput();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
        long left = LINGER_BYTES;
        while (left > 0 && !Thread.currentThread().isInterrupted()) {
            long millis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (millis <= 0) {
                return;
            }
            socket.setSoTimeout((int) millis);
            int read = in.read(dropped);
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }
}
