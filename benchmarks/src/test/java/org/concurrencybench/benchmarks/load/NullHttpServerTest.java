package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NullHttpServerTest {

    /** Sends {@code requests} and reads {@code length} bytes of answer, or (length -1) all until the server closes. */
    private static String exchange(int port, String requests, int length) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = length < 0 ? in.readAllBytes() : in.readNBytes(length);
            return new String(answer, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void everyUnitIsAnsweredAtOnceWithItsBodyOnOneConnection() throws IOException {
        try (NullHttpServer server = NullHttpServer.start(ExpectedBodies.index())) {
            String expected = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n7\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n1234\n";

            String answers = exchange(server.port(), "GET /unit/7 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /unit/1234 HTTP/1.1\r\nHost: x\r\n\r\n", expected.length());

            assertEquals(expected, answers);
            assertEquals(2, server.answered());
        }
    }

    @Test
    void anyOtherRequestGetsABadRequestAndTheConnectionCloses() throws IOException {
        try (NullHttpServer server = NullHttpServer.start(ExpectedBodies.index())) {
            String answer = exchange(server.port(), "POST /unit/7 HTTP/1.1\r\nHost: x\r\n\r\n", -1);

            assertEquals("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", answer);
            assertEquals(0, server.answered());
        }
    }

    @Test
    void aClosedServerRefusesConnections() throws IOException {
        NullHttpServer server = NullHttpServer.start(ExpectedBodies.index());
        int port = server.port();

        server.close();

        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }
}
