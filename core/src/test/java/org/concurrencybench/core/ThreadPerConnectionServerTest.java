package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concurrencybench.core.serve.HttpTestClient;
import org.concurrencybench.core.serve.Serve;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadPerConnectionServerTest {

    private static final Serve SERVE = new Serve(100, 0, 10);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** Every connection thread the servers of a test made, checked dead after it. */
    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ThreadFactory platformThreads = recording(Thread.ofPlatform().name("test-serve-connection-", 0)
            .factory());

    @AfterEach
    void noThreadOfAServerOutlivesIt() {
        assertEquals(List.of(), made.stream().filter(Thread::isAlive).toList(), "connection threads left alive");
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("test-serve-")).toList(), "server threads left alive");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aConnectionBeyondTheMostServedAtOnceIsClosedUnansweredAndCounted() throws Exception {
        try (ThreadPerConnectionServer server = start(platformThreads, 2);
             Socket first = connect(server);
             Socket second = connect(server)) {
            assertEquals(200, ask(first), "first connection");
            assertEquals(200, ask(second), "second connection");

            try (Socket third = connect(server)) {
                assertTrue(HttpTestClient.endsWithoutAnAnswer(third), "a third connection was served");
            }

            assertEquals(1, server.refused());
            assertEquals(200, ask(first), "the connections already served go on after a refusal");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aConnectionThatEndsMakesRoomForTheNextAndEveryOneTurnedAwayMeanwhileIsCounted() throws Exception {
        try (ThreadPerConnectionServer server = start(platformThreads, 1)) {
            try (Socket first = connect(server)) {
                assertEquals(200, ask(first));
            }
            // the place is free once the first connection's thread has seen its client close
            int turnedAway = 0;
            while (true) {
                try (Socket next = connect(server)) {
                    if (askOrEnded(next) == 200) {
                        break;
                    }
                }
                turnedAway++;
                Thread.sleep(10);
            }
            assertEquals(turnedAway, server.refused());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aConnectionWhoseThreadCannotStartIsClosedAndCountedAndTheServerGoesOn() throws Exception {
        AtomicBoolean outOfThreads = new AtomicBoolean(true);
        ThreadFactory failingOnce = task -> {
            if (outOfThreads.getAndSet(false)) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource"
                        + " limits reached");
            }
            return platformThreads.newThread(task);
        };
        try (ThreadPerConnectionServer server = start(failingOnce, 10)) {
            try (Socket unserved = connect(server)) {
                assertTrue(HttpTestClient.endsWithoutAnAnswer(unserved), "a connection without a thread was answered");
            }
            try (Socket served = connect(server)) {
                assertEquals(200, ask(served), "the connection after the failed one");
            }
            assertEquals(1, server.refused());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void closeEndsAConnectionSleepingThroughItsWaitAndOneWaitingForARequest() throws Exception {
        Serve longWaits = new Serve(100, Sleep.MAX_DELAY_MS, 10);
        ThreadPerConnectionServer server = ThreadPerConnectionServer.start("test", longWaits, ANY_PORT,
                "test-serve-accept", platformThreads, 10);
        try (Socket sleeping = connect(server); Socket idle = connect(server)) {
            send(sleeping, "GET /unit/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            // connections are accepted in turn: the first thread made serves the sleeping one
            while (made.size() < 2 || made.getFirst().getState() != Thread.State.TIMED_WAITING) {
                Thread.sleep(10);
            }

            server.close();

            assertTrue(HttpTestClient.endsWithoutAnAnswer(sleeping), "the sleeping connection was left open");
            assertTrue(HttpTestClient.endsWithoutAnAnswer(idle), "the idle connection was left open");
            assertFalse(made.stream().anyMatch(Thread::isAlive), "a connection thread outlived close()");
        } finally {
            server.close();
        }
    }

    private ThreadPerConnectionServer start(ThreadFactory connectionThreads, int maxConnections) throws IOException {
        return ThreadPerConnectionServer.start("test", SERVE, ANY_PORT, "test-serve-accept", connectionThreads,
                maxConnections);
    }

    private ThreadFactory recording(ThreadFactory factory) {
        return task -> {
            Thread thread = factory.newThread(task);
            made.add(thread);
            return thread;
        };
    }

    private static Socket connect(ThreadPerConnectionServer server) throws IOException {
        Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    }

    /** The status of the answer to one kept-alive request on {@code socket}, read to its last byte. */
    private static int ask(Socket socket) throws IOException {
        int status = askOrEnded(socket);
        assertTrue(status > 0, "the server ended the connection without an answer");
        return status;
    }

    /** As {@link #ask}, or -1 if the server ends the connection without an answer. */
    private static int askOrEnded(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            send(socket, "GET /unit/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            String statusLine = line(in);
            if (statusLine == null) {
                return -1;
            }
            int length = 0;
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring("content-length:".length()).strip());
                }
            }
            in.readNBytes(length);
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (SocketException reset) {
            return -1;
        }
    }

    /** One line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
