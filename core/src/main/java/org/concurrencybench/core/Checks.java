package org.concurrencybench.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Argument checks whose messages name the parameter, the value and what is allowed. */
public final class Checks {

    /** The most parallelism a model is asked for: far beyond any machine, short of silly. */
    public static final int MAX_PARALLELISM = 4096;

    private Checks() {
    }

    /** Checks a parallelism P and returns it. */
    public static int parallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism (cores) must be between 1 and " + MAX_PARALLELISM
                    + ", got " + parallelism);
        }
        return parallelism;
    }

    /**
     * Checks that {@code min <= value <= max} for parameter {@code parameter} of {@code owner}:
     * {@code cpu.units must be 1 to 100,000,000, got 0}, as the command line names a size. A
     * product of parameters ({@code units × work}) follows the owner after a colon, since a dot
     * would join it to the first name alone.
     */
    public static long range(String owner, String parameter, long value, long min, long max) {
        if (value < min || value > max) {
            String name = parameter.matches("\\w+") ? owner + "." + parameter : owner + ": " + parameter;
            throw new IllegalArgumentException(name + " must be " + format(min) + " to " + format(max) + ", got "
                    + format(value));
        }
        return value;
    }

    public static String notBlank(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank");
        }
        return value;
    }

    /** An unmodifiable map that keeps the order the pairs are given in. */
    public static Map<String, Long> ordered(String firstName, long first, String secondName, long second) {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put(firstName, first);
        map.put(secondName, second);
        return Collections.unmodifiableMap(map);
    }

    /** 2000000 as {@code 2,000,000}: large limits are easier to read with separators. */
    public static String format(long value) {
        return String.format("%,d", value);
    }
}
