package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A test's HTTP/1.1 client over a raw socket: writes bytes as given, reads responses by Content-Length. */
final class RawClient {

    /** One response: its status code, its headers by lower-case name, and its body. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawClient() {
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    static String get(int index, String headers) {
        return "GET " + Router.path(index) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
    }

    static Response read(Socket socket) throws IOException {
        return read(socket, false);
    }

    /** The next response; {@code head}: it answers a HEAD, so it has no body whatever its Content-Length. */
    static Response read(Socket socket, boolean head) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        assertTrue(statusLine.startsWith("HTTP/1.1 "), statusLine);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        int length = head ? 0 : Integer.parseInt(headers.get("content-length"));
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length, "the body ended early");
        return new Response(Integer.parseInt(statusLine.substring(9, 12)), headers,
                new String(body, StandardCharsets.US_ASCII));
    }

    /** Asserts that the server has closed its side: no byte is left to read. */
    static void assertClosedByServer(Socket socket) throws IOException {
        assertEquals(-1, socket.getInputStream().read(), "the server should have closed the connection");
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int next = in.read(); next >= 0; next = in.read()) {
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
            }
            line.write(next);
            previous = next;
        }
        throw new IOException("the connection closed in the middle of a response line: " + line);
    }
}
