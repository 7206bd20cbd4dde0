package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server on 127.0.0.1 that accepts one connection and runs {@link BlockingConnection#serve} on
 * it, on a thread of its own; {@link #close} closes the listener and the accepted socket, as a
 * model's server does, and checks that the thread has ended.
 */
final class OneConnectionServer implements AutoCloseable {

    /** How long a test waits for what should come at once before it fails instead of hanging. */
    static final int PATIENCE_MS = 10_000;

    private final ServerSocket listener;
    private final Thread thread;
    private final CompletableFuture<Long> answered = new CompletableFuture<>();
    private volatile Socket accepted;
    private volatile boolean interruptedAfterwards;

    OneConnectionServer(Serve serve, Waiter waiter) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().name("blocking-connection-" + listener.getLocalPort()).start(() -> {
            try {
                Socket socket = listener.accept();
                accepted = socket;
                long count = BlockingConnection.serve(socket, serve, waiter);
                interruptedAfterwards = Thread.currentThread().isInterrupted();
                answered.complete(count);
            } catch (Throwable failed) {
                answered.completeExceptionally(failed);
            }
        });
    }

    /** A client connected to this server, whose reads give up after {@link #PATIENCE_MS}. */
    Socket connect() throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        client.setSoTimeout(PATIENCE_MS);
        return client;
    }

    /** What {@link BlockingConnection#serve} returned, once its loop has ended. */
    long answered() throws InterruptedException, ExecutionException, TimeoutException {
        return answered.get(PATIENCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Whether the serving thread's interrupt status was set when the loop returned. */
    boolean interruptedAfterwards() throws InterruptedException, ExecutionException, TimeoutException {
        answered();
        return interruptedAfterwards;
    }

    void interrupt() {
        thread.interrupt();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** What a model's server does on close(): closes the listener and the accepted socket; then checks the thread ended. */
    void stop() throws IOException {
        listener.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
        try {
            thread.join(PATIENCE_MS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + thread.getName() + " to end", interrupted);
        }
        assertFalse(thread.isAlive(), thread.getName() + " outlived its server's close()");
    }
}
