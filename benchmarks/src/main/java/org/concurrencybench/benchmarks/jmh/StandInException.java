package org.concurrencybench.benchmarks.jmh;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stands in for an exception that JMH could not send from its fork. JMH sends what a benchmark
 * threw to the host as a serialised object; an exception that cannot be serialised (a field, a
 * cause or a suppressed exception that is not {@code Serializable}) would reach the host as the
 * serialiser's own {@code NotSerializableException}, and why the run failed would be lost. The
 * stand-in keeps what the host needs: the original's class name, message and stack trace, and
 * its causes and suppressed exceptions stood in for the same way.
 */
public final class StandInException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String originalClass;

    private StandInException(Throwable original, Throwable cause) {
        super(original.getMessage(), cause);
        this.originalClass = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** {@code thrown} itself when it can be serialised; otherwise its stand-in. */
    public static RuntimeException sendable(RuntimeException thrown) {
        return serialises(thrown) ? thrown : of(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    static boolean serialises(Throwable thrown) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(thrown);
            return true;
        } catch (IOException notSerialisable) {
            return false;
        }
    }

    /** @param seen the exceptions stood in for so far: a cycle of causes ends at the first repeat */
    private static StandInException of(Throwable original, Set<Throwable> seen) {
        seen.add(original);
        Throwable cause = original.getCause();
        StandInException standIn = new StandInException(original, cause == null || seen.contains(cause) ? null : of(cause, seen));
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                standIn.addSuppressed(of(suppressed, seen));
            }
        }
        return standIn;
    }

    /** The class of the exception this stands in for. */
    public String originalClass() {
        return originalClass;
    }

    /** As the original's: its class name and message, so that a printed stack trace reads as the original's. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
