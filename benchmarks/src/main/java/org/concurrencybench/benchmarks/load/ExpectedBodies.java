package org.concurrencybench.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

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

    /** The bodies called {@code name}. */
    public static IntFunction<byte[]> named(String name) {
        IntFunction<byte[]> bodies = NAMED.get(name);
        if (bodies == null) {
            throw new IllegalArgumentException("expected bodies must be one of " + String.join(", ", NAMED.keySet())
                    + ", got '" + name + "'");
        }
        return bodies;
    }
}
