package org.concurrencybench.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test server on 127.0.0.1 that answers each request as its script says: a thread per
 * connection, blocking sockets, so a script may simply sleep to delay or stall its answer.
 * Requests are numbered in the order they arrive (from 0, across connections).
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** How the server ends its answer. */
    enum Ending {
        /** Keeps the connection open for the next request. */
        KEEP_OPEN,
        /** Closes the connection after the bytes. */
        CLOSE,
        /** Resets the connection (RST) after the bytes. */
        RESET,
        /** Sends nothing more and never answers. */
        NEVER
    }

    record Reply(byte[] bytes, Ending ending) {
    }

    @FunctionalInterface
    interface Script {
        Reply reply(long number, int unit) throws InterruptedException;
    }

    static final String THREAD_PREFIX = "scripted-server-";
    private static final Pattern REQUEST_LINE = Pattern.compile("GET /unit/(\\d+) HTTP/1\\.1");

    private final ServerSocket listener;
    private final Script script;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closing;

    private ScriptedHttpServer(Script script) throws IOException {
        this.script = script;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_024);
        acceptor = Thread.ofPlatform().name(THREAD_PREFIX + port() + "-accept").daemon().unstarted(this::accept);
    }

    static ScriptedHttpServer start(Script script) throws IOException {
        ScriptedHttpServer server = new ScriptedHttpServer(script);
        server.acceptor.start();
        return server;
    }

    static Reply ok(byte[] body) {
        return status(200, body);
    }

    static Reply status(int status, byte[] body) {
        return new Reply(response(status, "", body), Ending.KEEP_OPEN);
    }

    /** A response with Content-Length and {@code extraHeaders} (each ending in CRLF) before the blank line. */
    static byte[] response(int status, String extraHeaders, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + " Status\r\nContent-Length: " + body.length + "\r\n" + extraHeaders + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Requests read so far. */
    long requests() {
        return requests.get();
    }

    private void accept() {
        while (!closing) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread serving = Thread.ofPlatform().name(THREAD_PREFIX + port() + "-" + threads.size()).daemon()
                        .unstarted(() -> serve(socket));
                threads.add(serving);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closing) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                Matcher line = REQUEST_LINE.matcher(head.substring(0, head.indexOf("\r\n")));
                if (!line.matches()) {
                    out.write(response(400, "Connection: close\r\n", new byte[0]));
                    return;
                }
                Reply reply = script.reply(requests.getAndIncrement(), Integer.parseInt(line.group(1)));
                out.write(reply.bytes());
                out.flush();
                switch (reply.ending()) {
                    case KEEP_OPEN -> { }
                    case CLOSE -> {
                        return;
                    }
                    case RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case NEVER -> {
                        while (in.read() >= 0 && !closing) {
                            // hold the connection without answering until the client leaves
                        }
                        return;
                    }
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client left, or the server is closing
        }
    }

    /** The request head up to its blank line; null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Closes the listener and every connection and waits for every thread of the server to end. */
    @Override
    public void close() throws IOException {
        closing = true;
        listener.close();
        joinUninterruptibly(acceptor);
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.interrupt();
            joinUninterruptibly(thread);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
