package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntFunction;

/** A plain blocking HTTP/1.1 client for the serve contract: one connection, one request at a time. */
public final class HttpTestClient {

    private HttpTestClient() {
    }

    /**
     * Asks for {@code requests} units in turn on one kept-alive connection, starting at unit
     * {@code first}, checks every answer against {@code expected}, and returns how many were right.
     */
    public static int askInTurn(InetSocketAddress address, int first, int requests, int units,
                                IntFunction<byte[]> expected) {
        try (Socket socket = connect(address)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int request = 0; request < requests; request++) {
                int unit = (first + request * 7) % units;
                out.write(("GET /unit/" + unit + " HTTP/1.1\r\nHost: " + address.getPort() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Response response = read(in);
                assertEquals(200, response.status(), "status of unit " + unit);
                assertArrayEquals(expected.apply(unit), response.body(), "body of unit " + unit);
            }
            return requests;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The status of the answer to {@code request} (raw text), after which the server must close. */
    public static int statusOf(InetSocketAddress address, String request) throws IOException {
        try (Socket socket = connect(address)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            Response response = read(socket.getInputStream());
            if (response.status() != 200) {
                assertEquals(-1, socket.getInputStream().read(), "the server keeps a refused connection open");
            }
            return response.status();
        }
    }

    /** Sends {@code partial} and closes the connection at once. */
    public static void sendAndHangUp(InetSocketAddress address, String partial) throws IOException {
        try (Socket socket = connect(address)) {
            socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Whether the server ends {@code socket} (end of stream or a reset) without sending a byte. */
    public static boolean endsWithoutAnAnswer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(60_000);
        return socket;
    }

    private record Response(int status, byte[] body) {
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: '" + statusLine + "'");
        }
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        return new Response(Integer.parseInt(parts[1]), in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside a response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
