package org.concurrencybench.core.serve;

import static org.concurrencybench.core.serve.RawClient.assertClosedByServer;
import static org.concurrencybench.core.serve.RawClient.get;
import static org.concurrencybench.core.serve.RawClient.read;
import static org.concurrencybench.core.serve.RawClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.concurrencybench.core.serve.RawClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockingConnectionTest {

    private static final Serve SERVE = new Serve(97, 0, 64);
    private static final IntFunction<byte[]> EXPECTED = SERVE.expectedBodies();

    @Test
    void aKeptAliveConnectionAnswersEveryUnitWithItsSieveMadeBodyUntilTheClientCloses() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP)) {
            try (Socket client = server.connect()) {
                for (int i = 0; i < SERVE.units(); i++) {
                    send(client, get(i, ""));
                    Response response = read(client);
                    assertEquals(200, response.status());
                    assertEquals("keep-alive", response.header("Connection"));
                    assertEquals("text/plain", response.header("Content-Type"));
                    assertEquals(expected(i), response.body(), "unit " + i);
                }
            }
            assertEquals(SERVE.units(), server.answered());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP)) {
            try (Socket client = server.connect()) {
                send(client, get(5, "") + "HEAD /unit/6 HTTP/1.1\r\nHost: h\r\n\r\n" + get(7, "Connection: close\r\n"));

                assertEquals(expected(5), read(client).body());
                Response head = read(client, true);
                assertEquals(200, head.status());
                assertEquals(Integer.toString(expected(6).length()), head.header("Content-Length"));
                Response last = read(client);
                assertEquals(expected(7), last.body(), "a HEAD's response has no body, so the next one follows it");
                assertEquals("close", last.header("Connection"));
                assertClosedByServer(client);
            }
            assertEquals(3, server.answered());
        }
    }

    @Test
    void requestsSentAByteAtATimeAreAnswered() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP);
                Socket client = server.connect()) {
            client.setTcpNoDelay(true);
            for (char c : get(9, "Connection: close\r\n").toCharArray()) {
                send(client, String.valueOf(c));
            }
            assertEquals(expected(9), read(client).body());
            assertClosedByServer(client);
        }
    }

    @ParameterizedTest(name = "{0} / Connection: \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1 | close | close",
        "HTTP/1.0 | | close",
        "HTTP/1.0 | keep-alive | keep-alive",
    })
    void theConnectionHeaderDecidesWhetherTheServerCloses(String version, String connection, String answered)
            throws Exception {
        String header = connection == null ? "" : "Connection: " + connection + "\r\n";
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP);
                Socket client = server.connect()) {
            send(client, "GET /unit/1 " + version + "\r\nHost: h\r\n" + header + "\r\n");
            Response response = read(client);
            assertEquals(expected(1), response.body());
            assertEquals(answered, response.header("Connection"));
            if (answered.equals("close")) {
                assertClosedByServer(client);
            } else {
                send(client, get(2, "Connection: close\r\n"));
                assertEquals(expected(2), read(client).body(), "the connection was kept for the next request");
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "GET /unit/1 HTTP/1.1\\nHost: h\\n\\n | 400",
        "GET /unit/1 HTTP/1.1\\r\\n\\r\\n | 400",
        "GET /unit/64 HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n | 404",
        "GET /unit/x HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n | 404",
        "GET /favicon.ico HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n | 404",
        "POST /unit/1 HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 2\\r\\n\\r\\nhi | 405",
        "GET /unit/1 HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 5000\\r\\n\\r\\n | 413",
        "GET /unit/1 HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 413",
        "GET /unit/1 HTTP/2.0\\r\\nHost: h\\r\\n\\r\\n | 505",
    })
    void anErrorIsAnsweredWithItsStatusAndTheServerCloses(String request, int status) throws Exception {
        String text = request.replace("\\r", "\r").replace("\\n", "\n");
        // a keep-alive request after the bad one: the server must not answer it
        assertRefusedAndClosed(text + get(2, ""), status);
    }

    @Test
    void headersOverTheLimitAreAnswered431AndTheServerCloses() throws Exception {
        assertRefusedAndClosed("GET /unit/1 HTTP/1.1\r\nHost: h\r\nX-Fill: " + "f".repeat(10_000) + "\r\n\r\n", 431);
    }

    private static void assertRefusedAndClosed(String request, int status) throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP)) {
            try (Socket client = server.connect()) {
                send(client, request);
                Response response = read(client);
                assertEquals(status, response.status(), response.body());
                assertEquals("close", response.header("Connection"));
                assertTrue(response.body().startsWith(status + " "), response.body());
                assertClosedByServer(client);
            }
            assertEquals(1, server.answered());
        }
    }

    @Test
    void aClientThatHangsUpInTheMiddleOfARequestEndsTheLoopQuietly() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP)) {
            try (Socket client = server.connect()) {
                send(client, get(1, ""));
                assertEquals(expected(1), read(client).body());
                send(client, "GET /unit/2 HT");
            }
            assertEquals(1, server.answered(), "the loop returned, without an exception");
        }
    }

    @Test
    void aClientThatResetsTheConnectionInTheMiddleOfABodyEndsTheLoopQuietly() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP)) {
            try (Socket client = server.connect()) {
                send(client, "GET /unit/1 HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc");
                client.setSoLinger(true, 0);
            }
            assertEquals(0, server.answered());
        }
    }

    @Test
    void aClientThatLeavesDuringTheWaitEndsTheLoopQuietly() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch clientGone = new CountDownLatch(1);
        Waiter untilTheClientIsGone = delayMs -> {
            waiting.countDown();
            clientGone.await();
        };
        try (OneConnectionServer server = new OneConnectionServer(SERVE, untilTheClientIsGone)) {
            try (Socket client = server.connect()) {
                send(client, get(1, ""));
                waiting.await();
            }
            clientGone.countDown();
            server.answered(); // returns, rather than throwing: whether the last write failed is the kernel's to say
        }
    }

    @Test
    void closingTheServerEndsTheLoopOfAnIdleConnection() throws Exception {
        try (OneConnectionServer server = new OneConnectionServer(SERVE, Waiter.SLEEP);
                Socket client = server.connect()) {
            send(client, get(3, ""));
            assertEquals(expected(3), read(client).body());
            server.stop();
            assertEquals(1, server.answered());
        }
    }

    @Test
    void anInterruptDuringTheWaitEndsTheLoopAndTheThreadStaysInterrupted() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        Waiter forever = delayMs -> {
            waiting.countDown();
            new CountDownLatch(1).await();
        };
        try (OneConnectionServer server = new OneConnectionServer(SERVE, forever);
                Socket client = server.connect()) {
            send(client, get(1, ""));
            waiting.await();
            server.interrupt();
            assertTrue(server.interruptedAfterwards());
            assertEquals(0, server.answered());
        }
    }

    @Test
    void theWaiterIsAskedForTheServicesDelayOncePerAnsweredUnit() throws Exception {
        List<Long> waits = new CopyOnWriteArrayList<>();
        Serve serve = new Serve(10, 25, 4);
        try (OneConnectionServer server = new OneConnectionServer(serve, waits::add);
                Socket client = server.connect()) {
            send(client, get(0, "") + get(3, "") + get(4, ""));
            assertEquals(200, read(client).status());
            assertEquals(200, read(client).status());
            assertEquals(404, read(client).status());
            assertEquals(List.of(25L, 25L), waits, "a 404 does no work and no wait");
        }
    }

    private static String expected(int index) {
        return new String(EXPECTED.apply(index), StandardCharsets.US_ASCII);
    }
}
