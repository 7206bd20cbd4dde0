package org.concurrencybench.core.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.concurrencybench.core.Checks;

/**
 * Reads HTTP/1.1 requests from bytes as they arrive, for a blocking server (its array wrapped
 * in a {@link ByteBuffer}) and an NIO one alike. Bytes may be split anywhere, and one buffer may
 * hold several requests (a client may pipeline).
 *
 * <p>{@link #next} takes bytes from the buffer up to the end of one request and returns it, so
 * that the bytes of the following requests stay in the buffer until their turn (responses go
 * out in the order of the requests). It returns {@code null} once the buffer is used up without
 * the end of a request: the partial request is kept here, so the buffer may be cleared.
 *
 * <p>What it accepts, and why:
 * <ul>
 * <li>Lines end in CRLF; a bare LF or CR is a 400. Empty lines before a request line are
 *     skipped, as clients may send one after a body.
 * <li>The request line is {@code METHOD SP TARGET SP HTTP/d.d} with single spaces; the target is
 *     visible ASCII. {@code HTTP/1.0} and {@code HTTP/1.1} are served (another {@code HTTP/1.x} as
 *     1.1); another major version is a 505; anything else a 400. Any method token is accepted
 *     here: which methods the service allows is the {@link Router}'s to say.
 * <li>A header is {@code name: value}: no space before the colon, no folded line, no control
 *     byte in the value, else 400. HTTP/1.1 needs exactly one Host, HTTP/1.0 at most one.
 * <li>The request line and headers may take {@link #MAX_HEAD_BYTES} (CRLFs included); past that, 431.
 * <li>A body: none of the service's requests needs one, but HTTP lets a GET carry one. Up to
 *     {@link #MAX_BODY_BYTES} given by {@code Content-Length} is read and dropped, so that the
 *     connection stays in step; a larger one is a 413, so a client cannot make a server read
 *     without bound. A body with {@code Transfer-Encoding} is a 413 too: a chunked decoder would
 *     be code for bodies this service never reads, and the close after the 413 leaves no doubt
 *     where the next request would start. Content-Length headers that disagree, or are not
 *     digits, are a 400.
 * </ul>
 * After a {@link Refusal} the connection must close: this parser takes no more bytes.
 *
 * <p>One parser per connection; it is not thread-safe.
 */
public final class RequestParser {

    /** The most bytes a request line and its headers may take, CRLFs included. */
    public static final int MAX_HEAD_BYTES = 8 * 1024;
    /** The largest body (by Content-Length) that is read and dropped rather than refused. */
    public static final int MAX_BODY_BYTES = 1024;

    /** A usual request head fits, so an idle connection holds a quarter of a KiB, not 8. */
    private static final int FIRST_HEAD_BYTES = 256;
    /** How much of a client's bytes a refusal's detail quotes. */
    private static final int MAX_QUOTED = 64;

    private byte[] head = new byte[FIRST_HEAD_BYTES];
    private int length;
    private int lineStart;
    private Refusal failure;

    private String method;
    private String target;
    private String version;
    private boolean http11;
    private boolean close;
    private boolean keepAlive;
    private boolean transferEncoding;
    private long contentLength = -1;
    private int hosts;

    private HttpRequest awaitingBody;
    private long bodyLeft;

    /**
     * The next request whose last byte is in {@code in}, reading {@code in} up to that byte; or
     * {@code null} once every byte of {@code in} is read and no request has ended.
     *
     * @throws IllegalStateException after a {@link Refusal}: its connection must close
     */
    public Parsed next(ByteBuffer in) {
        if (failure != null) {
            throw new IllegalStateException("this parser refused a request (" + failure.status()
                    + ": " + failure.detail() + "); its connection must close, not read more");
        }
        while (in.hasRemaining()) {
            if (awaitingBody != null) {
                int skipped = (int) Math.min(bodyLeft, in.remaining());
                in.position(in.position() + skipped);
                bodyLeft -= skipped;
                if (bodyLeft == 0) {
                    HttpRequest request = awaitingBody;
                    awaitingBody = null;
                    return request;
                }
                continue;
            }
            if (length == MAX_HEAD_BYTES) {
                return refuse(Status.HEADERS_TOO_LARGE, "the request line and headers take more than "
                        + Checks.format(MAX_HEAD_BYTES) + " bytes");
            }
            if (length == head.length) {
                head = Arrays.copyOf(head, Math.min(2 * head.length, MAX_HEAD_BYTES));
            }
            byte next = in.get();
            head[length++] = next;
            if (next == '\n') {
                Parsed ended = endOfLine();
                if (ended != null) {
                    return ended;
                }
            }
        }
        return null;
    }

    /** The line that ends at the LF just read: null if the request goes on, else what ended. */
    private Parsed endOfLine() {
        int lf = length - 1;
        int from = lineStart;
        lineStart = length;
        if (lf == from || head[lf - 1] != '\r') {
            return refuse(Status.BAD_REQUEST, "a line ends in a bare LF; lines end in CRLF");
        }
        int to = lf - 1;
        if (indexOf('\r', from, to) >= 0) {
            return refuse(Status.BAD_REQUEST, "a CR inside a line; CR may only come before LF");
        }
        if (method == null) {
            // an empty line before the request line is skipped (it counts towards MAX_HEAD_BYTES)
            return from == to ? null : requestLine(from, to);
        }
        return from == to ? endOfHead() : header(from, to);
    }

    private Parsed requestLine(int from, int to) {
        int firstSpace = indexOf(' ', from, to);
        int secondSpace = firstSpace < 0 ? -1 : indexOf(' ', firstSpace + 1, to);
        if (secondSpace < 0 || indexOf(' ', secondSpace + 1, to) >= 0) {
            return refuse(Status.BAD_REQUEST, "the request line " + quote(from, to)
                    + " is not METHOD TARGET VERSION with single spaces");
        }
        if (!isToken(from, firstSpace)) {
            return refuse(Status.BAD_REQUEST, "the method " + quote(from, firstSpace) + " is not a token");
        }
        method = ascii(from, firstSpace);
        if (firstSpace + 1 == secondSpace || !isVisible(firstSpace + 1, secondSpace)) {
            return refuse(Status.BAD_REQUEST, "the request target " + quote(firstSpace + 1, secondSpace)
                    + " is empty or holds a byte that is not visible ASCII");
        }
        target = ascii(firstSpace + 1, secondSpace);
        int v = secondSpace + 1;
        if (to - v != 8 || !startsWith(v, "HTTP/") || !isDigit(head[v + 5]) || head[v + 6] != '.'
                || !isDigit(head[v + 7])) {
            return refuse(Status.BAD_REQUEST, "the version " + quote(v, to)
                    + " is not HTTP/<digit>.<digit>; send HTTP/1.1 or HTTP/1.0");
        }
        version = ascii(v, to);
        if (head[v + 5] != '1') {
            return refuse(Status.VERSION_NOT_SUPPORTED, version + " is not served; send HTTP/1.1 or HTTP/1.0");
        }
        http11 = head[v + 7] != '0';
        return null;
    }

    private Parsed header(int from, int to) {
        if (head[from] == ' ' || head[from] == '\t') {
            return refuse(Status.BAD_REQUEST, "a header line starts with whitespace (a folded line): "
                    + quote(from, to));
        }
        int colon = indexOf(':', from, to);
        if (colon < 0) {
            return refuse(Status.BAD_REQUEST, "the header line " + quote(from, to) + " has no colon");
        }
        if (!isToken(from, colon)) {
            return refuse(Status.BAD_REQUEST, "the header name " + quote(from, colon)
                    + " is not a token (no space may come before the colon)");
        }
        int valueFrom = colon + 1;
        int valueTo = to;
        while (valueFrom < valueTo && isBlank(head[valueFrom])) {
            valueFrom++;
        }
        while (valueTo > valueFrom && isBlank(head[valueTo - 1])) {
            valueTo--;
        }
        for (int i = valueFrom; i < valueTo; i++) {
            byte b = head[i];
            // HTAB, SP, visible ASCII and obs-text (0x80-0xFF, negative as a byte)
            if (b != '\t' && (b >= 0 && b < 0x20 || b == 0x7F)) {
                return refuse(Status.BAD_REQUEST, "the value of header " + quote(from, colon)
                        + " holds a control byte");
            }
        }
        if (nameIs(from, colon, "host")) {
            hosts++;
        } else if (nameIs(from, colon, "connection")) {
            connectionOptions(valueFrom, valueTo);
        } else if (nameIs(from, colon, "transfer-encoding")) {
            transferEncoding = true;
        } else if (nameIs(from, colon, "content-length")) {
            return contentLength(valueFrom, valueTo);
        }
        return null;
    }

    private void connectionOptions(int from, int to) {
        int start = from;
        while (start <= to) {
            int comma = indexOf(',', start, to);
            int end = comma < 0 ? to : comma;
            int tokenFrom = start;
            int tokenTo = end;
            while (tokenFrom < tokenTo && isBlank(head[tokenFrom])) {
                tokenFrom++;
            }
            while (tokenTo > tokenFrom && isBlank(head[tokenTo - 1])) {
                tokenTo--;
            }
            close |= nameIs(tokenFrom, tokenTo, "close");
            keepAlive |= nameIs(tokenFrom, tokenTo, "keep-alive");
            start = end + 1;
        }
    }

    private Parsed contentLength(int from, int to) {
        if (from == to) {
            return refuse(Status.BAD_REQUEST, "Content-Length is empty; it is a number of bytes");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(head[i])) {
                return refuse(Status.BAD_REQUEST, "Content-Length " + quote(from, to) + " is not a number of bytes");
            }
            // past a trillion the exact size no longer matters: it is refused as too large
            value = Math.min(value * 10 + (head[i] - '0'), 1_000_000_000_000L);
        }
        if (contentLength >= 0 && contentLength != value) {
            return refuse(Status.BAD_REQUEST, "Content-Length headers disagree: " + contentLength + " and " + value);
        }
        contentLength = value;
        return null;
    }

    private Parsed endOfHead() {
        if (hosts > 1) {
            return refuse(Status.BAD_REQUEST, "a request has at most one Host header, got " + hosts);
        }
        if (http11 && hosts == 0) {
            return refuse(Status.BAD_REQUEST, "an HTTP/1.1 request needs a Host header");
        }
        if (transferEncoding) {
            return refuse(Status.CONTENT_TOO_LARGE, "a body with Transfer-Encoding is not read; send at most "
                    + Checks.format(MAX_BODY_BYTES) + " bytes with Content-Length");
        }
        if (contentLength > MAX_BODY_BYTES) {
            return refuse(Status.CONTENT_TOO_LARGE, "a body of " + Checks.format(contentLength)
                    + " bytes is more than the " + Checks.format(MAX_BODY_BYTES) + " this service reads");
        }
        HttpRequest request = new HttpRequest(method, target, version, !close && (http11 || keepAlive));
        long body = contentLength;
        startNextRequest();
        if (body > 0) {
            awaitingBody = request;
            bodyLeft = body;
            return null;
        }
        return request;
    }

    private void startNextRequest() {
        length = 0;
        lineStart = 0;
        method = null;
        target = null;
        version = null;
        http11 = false;
        close = false;
        keepAlive = false;
        transferEncoding = false;
        contentLength = -1;
        hosts = 0;
    }

    private Refusal refuse(Status status, String detail) {
        failure = new Refusal(status, detail, "HEAD".equals(method));
        return failure;
    }

    private int indexOf(char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (head[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private boolean isToken(int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte b = head[i];
            boolean alphanumeric = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || isDigit(b);
            if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(b) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isVisible(int from, int to) {
        for (int i = from; i < to; i++) {
            if (head[i] <= ' ' || head[i] == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (head[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code [from, to)} is {@code lowerCaseName}, ignoring ASCII case. */
    private boolean nameIs(int from, int to, String lowerCaseName) {
        if (to - from != lowerCaseName.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length(); i++) {
            byte b = head[from + i];
            int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
            if (lower != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private String ascii(int from, int to) {
        return new String(head, from, to - from, StandardCharsets.US_ASCII);
    }

    /** The client's bytes in quotes for a message: at most {@link #MAX_QUOTED}, the unprintable as {@code \xNN}. */
    private String quote(int from, int to) {
        StringBuilder text = new StringBuilder("'");
        for (int i = from; i < Math.min(to, from + MAX_QUOTED); i++) {
            int b = head[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return text.append(to - from > MAX_QUOTED ? "...'" : "'").toString();
    }
}
