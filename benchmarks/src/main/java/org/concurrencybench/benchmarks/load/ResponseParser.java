package org.concurrencybench.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 response as its bytes arrive, in pieces of any size: the status line, the
 * headers, then exactly Content-Length bytes of body, compared with the expected body as they
 * come (nothing is copied). One parser serves one connection, response after response.
 *
 * <p>The servers under test frame every body with Content-Length, so a response without one (a
 * body that ends when the connection closes), with Transfer-Encoding, with an interim 1xx status
 * or with a head past {@link #MAX_HEAD_BYTES} is malformed: counted as an error, never guessed at.
 */
final class ResponseParser {

    enum Progress { MORE, COMPLETE, MALFORMED }

    /** Longer than any head the servers send, short of letting a broken one grow without bound. */
    static final int MAX_HEAD_BYTES = 8_192;
    /** The longest body read: far beyond a unit's checkable body. */
    static final long MAX_BODY_BYTES = 64L << 20;

    private final byte[] head = new byte[MAX_HEAD_BYTES];
    private int headLength;
    private boolean inBody;
    private long bodyLeft;
    private byte[] expected;
    private int bodyOffset;
    private boolean bodyMatches;
    private int status;
    private boolean closeAfter;
    private String problem;

    /** Ready for a new response whose body should be {@code expectedBody}. */
    void start(byte[] expectedBody) {
        expected = expectedBody;
        headLength = 0;
        inBody = false;
        bodyLeft = 0;
        bodyOffset = 0;
        bodyMatches = false;
        status = 0;
        closeAfter = false;
        problem = null;
    }

    /**
     * Consumes bytes of {@code in} up to the end of the response; bytes past its end stay in
     * {@code in}.
     */
    Progress feed(ByteBuffer in) {
        if (problem != null) {
            return Progress.MALFORMED;
        }
        if (!inBody) {
            while (in.hasRemaining() && !inBody) {
                if (headLength == MAX_HEAD_BYTES) {
                    return malformed("the response head is longer than " + MAX_HEAD_BYTES + " bytes");
                }
                byte b = in.get();
                head[headLength++] = b;
                if (b == '\n' && headEnds()) {
                    if (!readHead()) {
                        return Progress.MALFORMED;
                    }
                    inBody = true;
                }
            }
            if (!inBody) {
                return Progress.MORE;
            }
        }
        int take = (int) Math.min(in.remaining(), bodyLeft);
        if (take > 0) {
            if (bodyMatches) {
                int at = in.position();
                bodyMatches = in.slice(at, take).mismatch(ByteBuffer.wrap(expected, bodyOffset, take)) < 0;
            }
            in.position(in.position() + take);
            bodyOffset += take;
            bodyLeft -= take;
        }
        return bodyLeft == 0 ? Progress.COMPLETE : Progress.MORE;
    }

    int status() {
        return status;
    }

    /** Whether the body was exactly the expected bytes. */
    boolean bodyMatches() {
        return bodyMatches;
    }

    /** Whether the server will close the connection after this response (Connection: close, or HTTP/1.0 without keep-alive). */
    boolean closeAfter() {
        return closeAfter;
    }

    /** Why the response is malformed; null if it is not. */
    String problem() {
        return problem;
    }

    /** "\r\n\r\n" ends a head; a bare "\n\n" or "\n\r\n" is taken as well. */
    private boolean headEnds() {
        int n = headLength;
        return (n >= 2 && head[n - 2] == '\n') || (n >= 3 && head[n - 2] == '\r' && head[n - 3] == '\n');
    }

    private boolean readHead() {
        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        String statusLine = stripCr(text.substring(0, lineEnd));
        int minor = minorVersion(statusLine);
        if (minor < 0) {
            malformed("the status line is not HTTP/1.x with a 3-digit status: '" + shorten(statusLine) + "'");
            return false;
        }
        status = Integer.parseInt(statusLine, 9, 12, 10);
        if (status < 200) {
            malformed("an interim status " + status + " where a final response was expected");
            return false;
        }
        boolean keepAlive = false;
        long contentLength = -1;
        int from = lineEnd + 1;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            String line = stripCr(text.substring(from, end));
            from = end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' ') {
                malformed("a header line is not 'name: value': '" + shorten(line) + "'");
                return false;
            }
            String value = line.substring(colon + 1).strip();
            if (named(line, colon, "content-length")) {
                long length = contentLength(value);
                if (length < 0 || (contentLength >= 0 && length != contentLength)) {
                    malformed("Content-Length must be one whole number of at most " + MAX_BODY_BYTES + ", got '"
                            + shorten(value) + "'");
                    return false;
                }
                contentLength = length;
            } else if (named(line, colon, "transfer-encoding")) {
                malformed("Transfer-Encoding '" + shorten(value) + "' is not read: bodies must come with Content-Length");
                return false;
            } else if (named(line, colon, "connection")) {
                for (String token : value.split(",")) {
                    closeAfter |= token.strip().equalsIgnoreCase("close");
                    keepAlive |= token.strip().equalsIgnoreCase("keep-alive");
                }
            }
        }
        if (minor == 0 && !keepAlive) {
            closeAfter = true;
        }
        if (status == 204 || status == 304) {
            contentLength = 0;
        } else if (contentLength < 0) {
            malformed("status " + status + " came without Content-Length");
            return false;
        }
        bodyLeft = contentLength;
        bodyMatches = expected != null && contentLength == expected.length;
        return true;
    }

    /** The x of HTTP/1.x in a well-formed status line; -1 if the line is not one. */
    private static int minorVersion(String line) {
        if (line.length() < 12 || !line.startsWith("HTTP/1.") || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            return -1;
        }
        char minor = line.charAt(7);
        for (int i = 9; i < 12; i++) {
            if (line.charAt(i) < '0' || line.charAt(i) > '9') {
                return -1;
            }
        }
        return minor == '0' || minor == '1' ? minor - '0' : -1;
    }

    private static long contentLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        long length = Long.parseLong(value);
        return length <= MAX_BODY_BYTES ? length : -1;
    }

    private static boolean named(String line, int colon, String name) {
        return colon == name.length() && line.regionMatches(true, 0, name, 0, colon);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private Progress malformed(String why) {
        problem = why;
        return Progress.MALFORMED;
    }
}
