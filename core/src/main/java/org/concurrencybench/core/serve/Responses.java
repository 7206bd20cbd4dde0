package org.concurrencybench.core.serve;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bytes of whole responses, ready to write: status line, {@code Content-Type: text/plain},
 * {@code Connection: keep-alive} or {@code close}, {@code Content-Length}, then the body (none
 * for HEAD). Everything before the length is made once per kind of response.
 *
 * <p>There is no Date or Server header: a response's bytes depend on the request alone, the
 * same for every model and every run, and no model spends a clock read on them.
 */
public final class Responses {

    private static final byte[] OK_KEEP_ALIVE = ascii(statusAndHeaders(Status.OK, true));
    private static final byte[] OK_CLOSE = ascii(statusAndHeaders(Status.OK, false));
    private static final Map<Status, byte[]> REFUSALS = new EnumMap<>(Status.class);

    static {
        for (Status status : Status.values()) {
            if (status != Status.OK) {
                REFUSALS.put(status, ascii(statusAndHeaders(status, false)));
            }
        }
    }

    private Responses() {
    }

    /**
     * The 200 for {@code request}, whose slice holds {@code count} primes: body
     * {@link Serve#body(int, long)}, the connection kept alive as the request asked.
     */
    public static byte[] ok(UnitRequest request, long count) {
        return response(request.keepAlive() ? OK_KEEP_ALIVE : OK_CLOSE, Serve.body(request.index(), count),
                request.head());
    }

    /** The error response for {@code refusal}: its detail as the body, and {@code Connection: close}. */
    public static byte[] refusal(Refusal refusal) {
        byte[] body = (refusal.status() + ": " + refusal.detail() + "\n").getBytes(StandardCharsets.US_ASCII);
        return response(REFUSALS.get(refusal.status()), body, refusal.head());
    }

    private static byte[] response(byte[] statusAndHeaders, byte[] body, boolean head) {
        byte[] length = ascii(body.length + "\r\n\r\n");
        int bodyBytes = head ? 0 : body.length;
        byte[] response = new byte[statusAndHeaders.length + length.length + bodyBytes];
        System.arraycopy(statusAndHeaders, 0, response, 0, statusAndHeaders.length);
        System.arraycopy(length, 0, response, statusAndHeaders.length, length.length);
        System.arraycopy(body, 0, response, statusAndHeaders.length + length.length, bodyBytes);
        return response;
    }

    /** Everything up to the value of Content-Length, which comes last so that the rest is fixed. */
    private static String statusAndHeaders(Status status, boolean keepAlive) {
        return "HTTP/1.1 " + status + "\r\n"
                + (status == Status.METHOD_NOT_ALLOWED ? "Allow: " + Router.ALLOWED_METHODS + "\r\n" : "")
                + "Content-Type: text/plain\r\n"
                + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n"
                + "Content-Length: ";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
