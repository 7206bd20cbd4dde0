package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.concurrencybench.core.serve.Router;

/** A test's client on one kept-alive connection: writes requests as given, reads responses by Content-Length. */
final class ServeClient implements Closeable {

    /** One response: its status code and its body. */
    record Response(int status, byte[] body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private ServeClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static ServeClient connect(InetSocketAddress address) throws IOException {
        return connect(address, 0);
    }

    /** A connection whose receive buffer is {@code receiveBufferBytes} (0: the system's), set before it connects. */
    static ServeClient connect(InetSocketAddress address, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.connect(address);
            socket.setSoTimeout(60_000);
            return new ServeClient(socket);
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }

    /** A GET of unit {@code index} that keeps the connection alive. */
    static String get(int index) {
        return "GET " + Router.path(index) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    void send(String requests) throws IOException {
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends a GET of unit {@code index} and reads its response. */
    Response ask(int index) throws IOException {
        send(get(index));
        return read();
    }

    Response read() throws IOException {
        String statusLine = line();
        int length = -1;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (header.substring(0, colon).toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(header.substring(colon + 1).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length, "the body ended early");
        return new Response(Integer.parseInt(statusLine.substring(9, 12)), body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("the connection closed in the middle of a response: " + line);
            }
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
