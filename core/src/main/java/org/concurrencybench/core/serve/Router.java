package org.concurrencybench.core.serve;

import org.concurrencybench.core.Checks;

/**
 * Maps a parsed request to what the service does with it: {@code GET} or {@code HEAD} of
 * {@code /unit/<i>}, {@code i} in decimal digits and {@code 0 <= i < units}, is a
 * {@link UnitRequest}; another method is a 405; any other path, or an {@code i} out of range or
 * not a number, a 404. A query ({@code ?...}) is ignored, and an absolute-form target
 * ({@code http://host/unit/3}) is routed by its path. Stateless: one router serves every connection.
 */
public final class Router {

    /** The methods the service allows, as a 405's {@code Allow} header lists them. */
    public static final String ALLOWED_METHODS = "GET, HEAD";

    private static final String PREFIX = "/unit/";
    /** Digits of the largest int: a longer index is no unit. */
    private static final int MAX_DIGITS = 10;

    private final int units;

    public Router(Serve serve) {
        this.units = serve.units();
    }

    /** The path of unit {@code index}, as a client requests it. */
    public static String path(int index) {
        return PREFIX + index;
    }

    /** What to do with {@code parsed}; a {@link Refusal} from the parser is passed on as it is. */
    public Routed route(Parsed parsed) {
        return switch (parsed) {
            case Refusal refusal -> refusal;
            case HttpRequest request -> route(request);
        };
    }

    private Routed route(HttpRequest request) {
        if (!request.method().equals("GET") && !request.head()) {
            return new Refusal(Status.METHOD_NOT_ALLOWED, "the method " + request.method()
                    + " is not allowed; allowed: " + ALLOWED_METHODS, false);
        }
        String path = pathOf(request.target());
        int index = path.startsWith(PREFIX) ? index(path.substring(PREFIX.length())) : -1;
        if (index < 0 || index >= units) {
            return new Refusal(Status.NOT_FOUND, "no unit at " + shortened(path) + "; units are "
                    + path(0) + " to " + path(units - 1), request.head());
        }
        return new UnitRequest(index, request.head(), request.keepAlive());
    }

    /** The path of an origin-form or absolute-form target, without its query. */
    private static String pathOf(String target) {
        String path = target;
        int scheme = target.indexOf("://");
        if (scheme > 0 && target.charAt(0) != '/') {
            int slash = target.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : target.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The index written in {@code digits}, or -1 if they are not a decimal int. */
    private static int index(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char digit = digits.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private static String shortened(String path) {
        return path.length() <= 64 ? path : path.substring(0, 64) + "...";
    }

    @Override
    public String toString() {
        return "router of " + PREFIX + "<i> for 0 <= i < " + Checks.format(units);
    }
}
