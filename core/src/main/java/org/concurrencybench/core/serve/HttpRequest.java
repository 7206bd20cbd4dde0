package org.concurrencybench.core.serve;

/**
 * A well-formed request's head; its body, if it had a small one, was read and dropped.
 *
 * @param method    the method token as sent, such as {@code GET} (methods are case-sensitive)
 * @param target    the request target as sent, such as {@code /unit/7}
 * @param version   {@code HTTP/1.1} or {@code HTTP/1.0} (or another {@code HTTP/1.x}, served as 1.1)
 * @param keepAlive whether the connection stays open after the response: HTTP/1.1 unless
 *                  {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive}
 */
public record HttpRequest(String method, String target, String version, boolean keepAlive) implements Parsed {

    /** Whether the response carries the headers only. */
    public boolean head() {
        return method.equals("HEAD");
    }
}
