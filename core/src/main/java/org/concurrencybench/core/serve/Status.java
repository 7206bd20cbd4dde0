package org.concurrencybench.core.serve;

/** The status codes the service answers with, and their reason phrases. */
public enum Status {
    OK(200, "OK"),
    /** A malformed request line, header, version or line ending, or a missing or repeated Host. */
    BAD_REQUEST(400, "Bad Request"),
    /** Any path but {@code /unit/<i>}, or an {@code i} that is not a unit. */
    NOT_FOUND(404, "Not Found"),
    /** A method other than GET and HEAD. */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    /** A body over {@link RequestParser#MAX_BODY_BYTES}, or one with a Transfer-Encoding. */
    CONTENT_TOO_LARGE(413, "Content Too Large"),
    /** A request line and headers over {@link RequestParser#MAX_HEAD_BYTES}. */
    HEADERS_TOO_LARGE(431, "Request Header Fields Too Large"),
    /** A well-formed HTTP version whose major number is not 1. */
    VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported");

    private final int code;
    private final String reason;

    Status(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** {@code 404 Not Found}: as the status line says it. */
    @Override
    public String toString() {
        return code + " " + reason;
    }
}
