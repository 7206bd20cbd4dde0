package org.concurrencybench.executors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.concurrencybench.core.Request;

/**
 * One io unit as the async model makes it: an {@link AsynchronousSocketChannel} connects, writes
 * the unit's request and reads the answer, each operation's {@link CompletionHandler} completing
 * a {@link CompletableFuture} that the next step is composed on. While the server takes its time
 * no thread waits: the channel group's poller watches the socket and the next step runs on the
 * model's pool when the bytes arrive.
 *
 * <p>{@link #answer()} settles once, after the socket is closed: with the server's answer, with
 * the failure in {@link Request#failure}'s words, or by being cancelled, which closes the socket
 * and so fails whatever operation was pending.
 */
final class AsyncRequest {

    private final Request request;
    private final int unit;
    private final AsynchronousChannelGroup group;
    private final CompletableFuture<Long> answer = new CompletableFuture<>();
    private volatile AsynchronousSocketChannel channel;

    AsyncRequest(Request request, int unit, AsynchronousChannelGroup group) {
        this.request = request;
        this.unit = unit;
        this.group = group;
        // a cancelled unit's socket is closed by the canceller, before its cancel returns
        answer.whenComplete((value, thrown) -> close());
    }

    /** The unit's answer to come; cancelling it closes the socket. */
    CompletableFuture<Long> answer() {
        return answer;
    }

    /** Opens the socket and starts the exchange; returns at once, and never throws. */
    void start() {
        try {
            AsynchronousSocketChannel opened = AsynchronousSocketChannel.open(group);
            channel = opened;
            if (answer.isDone()) {
                // cancelled while the socket was opening: the canceller may have looked before it was set
                close();
                return;
            }
            opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connect(opened)
                    .thenCompose(connected -> writeAll(opened, request.request(unit)))
                    .thenCompose(written -> readFully(opened, ByteBuffer.allocate(Request.ANSWER_BYTES)))
                    .whenComplete(this::settle);
        } catch (IOException | RuntimeException failed) {
            settle(null, failed);
        }
    }

    /** The connect, bounded as the blocking client's is: a full listen backlog can hold it for long. */
    private CompletableFuture<Void> connect(AsynchronousSocketChannel opened) {
        return completion((CompletionHandler<Void, Void> handler) -> opened.connect(request.address(), null, handler))
                .orTimeout(Request.CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<Void> writeAll(AsynchronousSocketChannel opened, ByteBuffer bytes) {
        return completion((CompletionHandler<Integer, Void> handler) -> opened.write(bytes, null, handler))
                .thenCompose(written -> bytes.hasRemaining() ? writeAll(opened, bytes)
                        : CompletableFuture.completedFuture(null));
    }

    /** Reads until {@code into} is full; each read may wait the server's delay and the grace the blocking client allows. */
    private CompletableFuture<ByteBuffer> readFully(AsynchronousSocketChannel opened, ByteBuffer into) {
        long timeoutMs = request.delayMs() + Request.ANSWER_GRACE_MS;
        return completion((CompletionHandler<Integer, Void> handler) ->
                        opened.read(into, timeoutMs, TimeUnit.MILLISECONDS, null, handler))
                .thenCompose(read -> {
                    if (read < 0) {
                        throw new UncheckedIOException(new IOException("the server closed the connection before answering"));
                    }
                    return into.hasRemaining() ? readFully(opened, into) : CompletableFuture.completedFuture(into);
                });
    }

    /** Closes the socket, then gives the unit its answer or its failure. */
    private void settle(ByteBuffer received, Throwable thrown) {
        close();
        if (thrown != null) {
            answer.completeExceptionally(request.failure(unit, describe(unwrap(thrown))));
            return;
        }
        try {
            answer.complete(request.answerOf(unit, received.flip()));
        } catch (RuntimeException wrongAnswer) {
            answer.completeExceptionally(wrongAnswer);
        }
    }

    /** Only the connect has a timer of its own: say what timed out, since a timeout alone names nothing. */
    private static Throwable describe(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new IOException("no connection within " + Request.CONNECT_TIMEOUT_MS + " ms", cause);
        }
        return cause;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void close() {
        AsynchronousSocketChannel open = channel;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing ends the exchange either way; the unit reports what happened before
            }
        }
    }

    /**
     * NIO.2's callback as a future: {@code operation} starts with a handler that completes the
     * returned future. An operation refused at once (the channel already closed) fails it too.
     */
    private static <V> CompletableFuture<V> completion(Consumer<CompletionHandler<V, Void>> operation) {
        CompletableFuture<V> done = new CompletableFuture<>();
        try {
            operation.accept(new CompletionHandler<>() {
                @Override
                public void completed(V result, Void attachment) {
                    done.complete(result);
                }

                @Override
                public void failed(Throwable thrown, Void attachment) {
                    done.completeExceptionally(thrown);
                }
            });
        } catch (RuntimeException refused) {
            done.completeExceptionally(refused);
        }
        return done;
    }
}
