package org.concurrencybench.benchmarks.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The line that says why a cell failed. JMH wraps what the fork threw in its own exceptions
 * ("Benchmark caught the exception"), with the fork's exception among their causes and
 * suppressed ones; the reason a person can act on is that exception (the wrong answer, the
 * model's failure, the n/a from the setup). A fork that died without throwing (it could not
 * start, or crashed) leaves only JMH's exit code; its standard error, which JMH printed to the
 * log, says why.
 */
final class FailureReason {

    private static final String STDERR_START = "<stderr last=";
    private static final String JMH_PACKAGE = "org.openjdk.jmh.";

    private FailureReason() {
    }

    /**
     * @param jmhOutput what JMH printed while the cell ran
     */
    static String of(Throwable thrown, String jmhOutput) {
        List<Throwable> all = breadthFirst(thrown);
        Optional<Throwable> own = all.stream().filter(one -> !madeByJmh(one)).findFirst();
        if (own.isPresent()) {
            return firstLine(own.get());
        }
        String reason = firstLine(all.getLast());
        return firstErrorLine(jmhOutput).map(line -> reason + ": " + line).orElse(reason);
    }

    /** {@code thrown} and its causes and suppressed exceptions, breadth first: the outermost first. */
    private static List<Throwable> breadthFirst(Throwable thrown) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(thrown);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            all.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return all;
    }

    /** JMH's own exceptions, and the plain ones JMH throws itself ("Forked VM failed with exit code 1"). */
    private static boolean madeByJmh(Throwable thrown) {
        StackTraceElement[] frames = thrown.getStackTrace();
        return thrown.getClass().getName().startsWith(JMH_PACKAGE)
                || frames.length > 0 && frames[0].getClassName().startsWith(JMH_PACKAGE);
    }

    /** The first line of the fork's standard error, as JMH prints it after a failed fork. */
    static Optional<String> firstErrorLine(String jmhOutput) {
        if (jmhOutput == null) {
            return Optional.empty();
        }
        int start = jmhOutput.lastIndexOf(STDERR_START);
        if (start < 0) {
            return Optional.empty();
        }
        return jmhOutput.substring(start).lines().skip(1).map(String::strip)
                .filter(line -> !line.isEmpty()).findFirst()
                .filter(line -> !line.startsWith("</stderr>"));
    }

    private static String firstLine(Throwable thrown) {
        String message = thrown.getMessage();
        String text = message == null || message.isBlank() ? thrown.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text).strip();
    }
}
