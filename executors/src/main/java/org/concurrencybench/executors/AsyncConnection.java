package org.concurrencybench.executors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.concurrencybench.core.serve.BlockingConnection;
import org.concurrencybench.core.serve.Parsed;
import org.concurrencybench.core.serve.Refusal;
import org.concurrencybench.core.serve.RequestParser;
import org.concurrencybench.core.serve.Responses;
import org.concurrencybench.core.serve.Router;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.UnitRequest;

/**
 * One connection of the {@link AsyncServer}, a chain of completion handlers: read, parse, compute
 * the slice on the group's thread that has the bytes, wait on a timer, write on a pool thread,
 * then parse the next request (pipelined ones are already in the buffer) or read again. One
 * operation is pending at a time, and the chain hands the buffer and parser from one step to the
 * next, so no two threads touch them at once.
 *
 * <p>The delay is the model's timer ({@link AsyncModel#after}): no thread waits, so a thousand
 * requests waiting are a thousand timers. After a refusal, or a response to a request that does
 * not keep the connection alive, the connection closes the way {@link BlockingConnection} does:
 * output shut down, then reads with a timeout until the client closes, at most
 * {@link BlockingConnection#LINGER_MS} and {@link BlockingConnection#LINGER_BYTES}.
 */
final class AsyncConnection {

    /** Bytes read at once: a usual request is a few hundred, and every open connection holds these. */
    private static final int READ_BYTES = 2 * 1024;

    private final AsynchronousSocketChannel channel;
    private final Serve serve;
    private final Router router;
    private final Executor pool;
    private final Consumer<AsyncConnection> onClose;
    private final RequestParser parser = new RequestParser();
    /** Read mode while requests are parsed from it; cleared before each read. */
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The timer of the request in flight, cancelled if the connection closes first. */
    private volatile CompletableFuture<Long> waiting;
    private long lingerUntil;
    private long lingerBytesLeft;

    AsyncConnection(AsynchronousSocketChannel channel, Serve serve, Executor pool, Consumer<AsyncConnection> onClose) {
        this.channel = channel;
        this.serve = serve;
        this.router = new Router(serve);
        this.pool = pool;
        this.onClose = onClose;
    }

    void start() {
        read();
    }

    private void read() {
        buffer.clear();
        channel.read(buffer, null, then(read -> {
            if (read < 0) {
                close();
                return;
            }
            buffer.flip();
            next();
        }));
    }

    /** Parses the next request from the buffer and answers it, or reads more. */
    private void next() {
        Parsed parsed = parser.next(buffer);
        if (parsed == null) {
            read();
            return;
        }
        switch (router.route(parsed)) {
            case UnitRequest request -> answer(request);
            case Refusal refusal -> write(ByteBuffer.wrap(Responses.refusal(refusal)), false);
        }
    }

    /** Computes the slice here, on the group's thread, then writes the response once the delay's timer fires. */
    private void answer(UnitRequest request) {
        long count = serve.compute(request.index());
        ByteBuffer response = ByteBuffer.wrap(Responses.ok(request, count));
        if (serve.delayMs() == 0) {
            write(response, request.keepAlive());
            return;
        }
        CompletableFuture<Long> timer = AsyncModel.after(serve.delayMs(), count);
        waiting = timer;
        if (closed.get()) {
            // close() may have looked before the timer was set
            timer.cancel(false);
        }
        // the timer's own thread fires every timer in the JVM: the write is a step on the pool
        timer.thenRunAsync(() -> guarded(() -> write(response, request.keepAlive())), pool);
    }

    private void write(ByteBuffer bytes, boolean keepAlive) {
        channel.write(bytes, null, then(written -> {
            if (bytes.hasRemaining()) {
                write(bytes, keepAlive);
            } else if (keepAlive) {
                next();
            } else {
                linger();
            }
        }));
    }

    private void linger() {
        try {
            channel.shutdownOutput();
        } catch (IOException clientGone) {
            close();
            return;
        }
        lingerUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BlockingConnection.LINGER_MS);
        lingerBytesLeft = BlockingConnection.LINGER_BYTES;
        drain();
    }

    /** Reads and drops what the client still sends, until it closes or the linger runs out. */
    private void drain() {
        long left = lingerUntil - System.nanoTime();
        if (left <= 0 || lingerBytesLeft <= 0) {
            close();
            return;
        }
        buffer.clear();
        channel.read(buffer, left, TimeUnit.NANOSECONDS, null, then(read -> {
            if (read < 0) {
                close();
            } else {
                lingerBytesLeft -= read;
                drain();
            }
        }));
    }

    /** A handler that goes on with {@code step}; a failed operation (the client gone, a timeout, a close) closes the connection. */
    private CompletionHandler<Integer, Void> then(IntConsumer step) {
        return new CompletionHandler<>() {
            @Override
            public void completed(Integer result, Void nothing) {
                guarded(() -> step.accept(result));
            }

            @Override
            public void failed(Throwable thrown, Void nothing) {
                close();
            }
        };
    }

    /**
     * Runs {@code step}, closing the connection if it throws: an operation refused at once (the
     * channel or the group closed) throws rather than calling its handler.
     */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException refused) {
            close();
        }
    }

    /** Closes the socket, which fails its pending operation, and cancels the timer of a request in flight. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the socket is closed either way
        }
        CompletableFuture<Long> timer = waiting;
        if (timer != null) {
            timer.cancel(false);
        }
        onClose.accept(this);
    }
}
