package org.concurrencybench.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.concurrencybench.core.serve.Serve;

/**
 * The bodies a correct server answers, by name, for callers that name them (the command line):
 * a server and the generator checking it must compute the same bytes for unit i.
 */
public final class ExpectedBodies {

    /** Unit i's body is i in decimal and a newline: what the null server and the tests answer. */
    public static final String INDEX = "index";

    private static final Map<String, IntFunction<byte[]>> NAMED = new TreeMap<>(Map.of(INDEX, ExpectedBodies.index()));

    private ExpectedBodies() {
    }

    /** i in decimal followed by a newline. */
    public static IntFunction<byte[]> index() {
        return unit -> (unit + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code serve:<work>:<units>}: the service's bodies for these sizes (the wait does not change a body). */
    public static final String SERVE_PREFIX = "serve:";

    /** The name of the service's bodies for {@code serve}. */
    public static String nameOf(Serve serve) {
        return SERVE_PREFIX + serve.work() + ":" + serve.units();
    }

    /** The bodies called {@code name}. */
    public static IntFunction<byte[]> named(String name) {
        if (name != null && name.startsWith(SERVE_PREFIX)) {
            return served(name);
        }
        IntFunction<byte[]> bodies = NAMED.get(name);
        if (bodies == null) {
            throw new IllegalArgumentException("expected bodies must be one of " + String.join(", ", NAMED.keySet())
                    + " or " + SERVE_PREFIX + "<work>:<units>, got '" + name + "'");
        }
        return bodies;
    }

    private static IntFunction<byte[]> served(String name) {
        String[] sizes = name.substring(SERVE_PREFIX.length()).split(":", -1);
        try {
            if (sizes.length == 2) {
                return new Serve(Long.parseLong(sizes[0]), 0, Integer.parseInt(sizes[1])).expectedBodies();
            }
        } catch (NumberFormatException notWhole) {
            // named below
        }
        throw new IllegalArgumentException("expected bodies " + SERVE_PREFIX + "<work>:<units> take two whole numbers, got '"
                + name + "'");
    }
}
