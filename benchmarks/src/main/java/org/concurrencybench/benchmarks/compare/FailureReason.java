package org.concurrencybench.benchmarks.compare;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.concurrencybench.benchmarks.jmh.StandInException;

/**
 * The line that says why a cell failed, for the console, run.json and the report. JMH wraps
 * what the fork threw in its own exceptions ("Benchmark caught the exception"), with the fork's
 * exception among their causes and suppressed ones; the reason a person can act on is that
 * exception (the wrong answer, the model's failure, the n/a from the setup), and its whole
 * message goes on the line: for a worker process that died, its pid, exit code and the end of
 * its stderr. A fork that died without throwing (it could not start, or crashed) leaves only
 * JMH's exit code; its standard error, which JMH printed to the log, says why.
 */
final class FailureReason {

    private static final String STDERR_START = "<stderr last=";
    /** Lines of a message after its first that the one line keeps: the end of a stack trace's text, not all of it. */
    private static final int LINES_KEPT = 5;
    /** A stack trace's frame or its "... 3 more", as printed in a worker's stderr. */
    private static final Pattern STACK_FRAME = Pattern.compile("at \\S+\\(.*\\)|\\.\\.\\. \\d+ more");
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
            return oneLine(own.get());
        }
        String reason = oneLine(all.getLast());
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

    /**
     * The exception's message on one line: its first line, then the lines after it (such as the
     * end of a worker's stderr), the last {@value #LINES_KEPT} of them that are not stack frames,
     * each after a {@code " | "} (a space after a colon). A blank message gives the exception's
     * class, the original's for a {@link StandInException}.
     */
    static String oneLine(Throwable thrown) {
        String message = thrown.getMessage();
        if (message == null || message.isBlank()) {
            return thrown instanceof StandInException standIn ? standIn.originalClass() : thrown.getClass().getName();
        }
        List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> rest = lines.subList(1, lines.size()).stream().filter(line -> !STACK_FRAME.matcher(line).matches()).toList();
        StringBuilder line = new StringBuilder(lines.getFirst());
        if (rest.size() > LINES_KEPT) {
            append(line, "...");
            rest = rest.subList(rest.size() - LINES_KEPT, rest.size());
        }
        rest.forEach(next -> append(line, next));
        return line.toString();
    }

    /** After a colon, a space; between two lines, a bar. */
    private static void append(StringBuilder line, String next) {
        line.append(line.charAt(line.length() - 1) == ':' ? " " : " | ").append(next);
    }
}
