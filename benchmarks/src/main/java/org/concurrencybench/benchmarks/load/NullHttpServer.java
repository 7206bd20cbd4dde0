package org.concurrencybench.benchmarks.load;

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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.concurrencybench.core.SelectorChannels;

/**
 * A server that does no work: bound to 127.0.0.1 on a port the OS picks, it answers every
 * {@code GET /unit/<i>} at once with status 200 and {@code body(i)}, on keep-alive connections,
 * from one platform thread with a selector. Load against it measures the generator itself
 * ({@link GeneratorCapacity}). Anything it cannot read as such a request gets a 400 and the
 * connection is closed.
 */
public final class NullHttpServer implements AutoCloseable {

    /** Longer than any request head the generator sends. */
    static final int MAX_REQUEST_HEAD_BYTES = 8_192;
    private static final byte[] OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REQUEST_PREFIX = "GET /unit/".getBytes(StandardCharsets.US_ASCII);

    private final IntFunction<byte[]> body;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final int port;
    private final Thread loop;
    private final AtomicLong answered = new AtomicLong();
    private ByteBuffer out = ByteBuffer.allocateDirect(64 * 1024);
    private volatile boolean closing;
    private volatile Throwable crashed;

    /** One client connection: the bytes of requests not yet answered, and an answer not yet fully written. */
    private static final class Peer {
        final ByteBuffer in = ByteBuffer.allocate(MAX_REQUEST_HEAD_BYTES);
        ByteBuffer unwritten;
        boolean closeAfterWrite;
    }

    private NullHttpServer(IntFunction<byte[]> body) throws IOException {
        this.body = body;
        listener = ServerSocketChannel.open();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4_096);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException failed) {
            listener.close();
            throw failed;
        }
        port = listener.socket().getLocalPort();
        loop = Thread.ofPlatform().name("null-http-server-" + port).daemon().unstarted(this::serve);
    }

    /** Starts a server that answers unit i with {@code body.apply(i)}. */
    public static NullHttpServer start(IntFunction<byte[]> body) throws IOException {
        NullHttpServer server = new NullHttpServer(body);
        server.loop.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** Requests answered with status 200 so far. */
    public long answered() {
        return answered.get();
    }

    private void serve() {
        try {
            while (!closing) {
                selector.select(this::handle);
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

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        Peer peer = (Peer) key.attachment();
        try {
            if (key.isWritable() && !flush(key, peer)) {
                return;
            }
            if (key.isValid() && key.isReadable()) {
                SocketChannel channel = (SocketChannel) key.channel();
                if (channel.read(peer.in) < 0) {
                    drop(key);
                    return;
                }
                answerWhole(key, peer);
            }
        } catch (IOException clientGone) {
            drop(key);
        }
    }

    private void accept() {
        try {
            SocketChannel channel;
            while ((channel = listener.accept()) != null) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.register(selector, SelectionKey.OP_READ, new Peer());
            }
        } catch (IOException tooManyOrGone) {
            // a client that left before it was accepted, or no descriptor left: the others are served
        }
    }

    /** Answers every whole request in the peer's buffer, in order, as long as the answers go out. */
    private void answerWhole(SelectionKey key, Peer peer) throws IOException {
        ByteBuffer in = peer.in;
        while (peer.unwritten == null && !peer.closeAfterWrite) {
            int end = headEnd(in);
            if (end < 0) {
                if (!in.hasRemaining()) {
                    answer(key, peer, -1);
                }
                return;
            }
            int unit = unitOf(in, end);
            in.flip().position(end);
            in.compact();
            answer(key, peer, unit);
        }
    }

    /** The index one past the "\r\n\r\n" ending the first request head in {@code in}'s filled part; -1 if none yet. */
    private static int headEnd(ByteBuffer in) {
        int filled = in.position();
        for (int i = 3; i < filled; i++) {
            if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The i of a head starting {@code GET /unit/<i> HTTP/1.1}; -1 if it is any other request. */
    private static int unitOf(ByteBuffer in, int end) {
        for (int i = 0; i < REQUEST_PREFIX.length; i++) {
            if (i >= end || in.get(i) != REQUEST_PREFIX[i]) {
                return -1;
            }
        }
        long unit = 0;
        int at = REQUEST_PREFIX.length;
        while (at < end && in.get(at) >= '0' && in.get(at) <= '9' && unit <= Integer.MAX_VALUE) {
            unit = unit * 10 + (in.get(at) - '0');
            at++;
        }
        boolean digits = at > REQUEST_PREFIX.length && at - REQUEST_PREFIX.length <= 10;
        return digits && unit <= Integer.MAX_VALUE && at < end && in.get(at) == ' ' ? (int) unit : -1;
    }

    /** Writes unit {@code unit}'s answer, or a 400 for -1; whatever the socket does not take waits for OP_WRITE. */
    private void answer(SelectionKey key, Peer peer, int unit) throws IOException {
        ByteBuffer response;
        if (unit < 0) {
            response = ByteBuffer.wrap(BAD_REQUEST);
            peer.closeAfterWrite = true;
        } else {
            byte[] content = body.apply(unit);
            byte[] length = Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII);
            int size = OK_HEAD.length + length.length + HEAD_END.length + content.length;
            if (out.capacity() < size) {
                out = ByteBuffer.allocateDirect(Integer.highestOneBit(size) * 2);
            }
            response = out.clear().put(OK_HEAD).put(length).put(HEAD_END).put(content).flip();
            answered.incrementAndGet();
        }
        ((SocketChannel) key.channel()).write(response);
        if (response.hasRemaining()) {
            peer.unwritten = ByteBuffer.allocate(response.remaining()).put(response).flip();
            key.interestOps(SelectionKey.OP_WRITE);
        } else if (peer.closeAfterWrite) {
            drop(key);
        }
    }

    /** Writes what is left of an answer; true once it is all out, and the next requests can be answered. */
    private boolean flush(SelectionKey key, Peer peer) throws IOException {
        ((SocketChannel) key.channel()).write(peer.unwritten);
        if (peer.unwritten.hasRemaining()) {
            return false;
        }
        peer.unwritten = null;
        if (peer.closeAfterWrite) {
            drop(key);
            return false;
        }
        key.interestOps(SelectionKey.OP_READ);
        answerWhole(key, peer);
        return key.isValid();
    }

    private static void drop(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing a socket whose peer left
        }
    }

    private void closeEverything() {
        SelectorChannels.closeAll(selector, listener);
    }


    /** Stops accepting, closes every connection and waits for the server's thread to end. */
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
            throw new UncheckedIOException("null http server on port " + port + " failed: " + failure,
                    failure instanceof IOException io ? io : new IOException(failure));
        }
    }

    @Override
    public String toString() {
        return "null http server 127.0.0.1:" + port;
    }
}
