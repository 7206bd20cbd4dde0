package org.concurrencybench.benchmarks.footprint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Starts the measuring JVMs, one at a time: this JVM's own {@code java} (the JDK the command runs
 * on), the options every one gets, this JVM's class path (the suite's jar), and
 * {@link FootprintChild}. Both output streams are drained on threads of their own, or a JVM
 * that writes more than a pipe holds would stop; its report is the one line that carries it,
 * and the tail of its standard error explains a failure.
 *
 * <p>Nothing outlives the command: a JVM that does not end within {@link #TIMEOUT_MINUTES}, or
 * that is still running when {@link #stop()} is called (by the command's shutdown hook), is
 * ended together with every process it started.
 */
final class ChildJvms {

    /** Beyond the measuring JVM's own deadline for holding its tasks, with room to cancel a million of them. */
    static final long TIMEOUT_MINUTES = 10;

    /** How long a JVM asked to stop gets to close its model and end its workers, before it is killed. */
    static final long STOP_GRACE_SECONDS = 10;

    private static final int STDERR_LINES = 20;

    /** What came of one measuring JVM: its report, if it sent one, and how it ended. */
    record Ending(Optional<ChildReport> report, int exitCode, boolean timedOut, String stderrTail) {

        /** Why there is no report, in one line, for the record. */
        String problem() {
            // the last line that is not part of a stack trace: what the JVM said last about what went wrong
            String tail = stderrTail.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .reduce((first, last) -> last).map(line -> ": " + line.strip()).orElse("");
            if (timedOut) {
                return "the measuring JVM did not finish within " + TIMEOUT_MINUTES + " minutes and was ended" + tail;
            }
            return "the measuring JVM exited with code " + exitCode + " and no report" + tail;
        }
    }

    private final List<String> command;
    private final Object lock = new Object();
    private Process running;
    private boolean stopped;

    /** @param options the JVM options every measuring JVM gets, such as its heap */
    ChildJvms(List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FootprintChild.class.getName());
        this.command = List.copyOf(command);
    }

    /** Runs one measuring JVM for {@code model} with {@code tasks} and waits for it to end. */
    Ending run(String model, int tasks) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(command);
        arguments.add(model);
        arguments.add(Integer.toString(tasks));
        Process process;
        synchronized (lock) {
            if (stopped) {
                throw new InterruptedException("the footprint run is stopping");
            }
            process = new ProcessBuilder(arguments).start();
            running = process;
        }
        try {
            CompletableFuture<ChildReport> report = new CompletableFuture<>();
            Deque<String> stderr = new ArrayDeque<>();
            Thread out = drain(process.getInputStream(), "footprint-child-stdout",
                    line -> ChildReport.fromLine(line).ifPresent(report::complete));
            Thread err = drain(process.getErrorStream(), "footprint-child-stderr", line -> {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            });
            boolean ended = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                endWithItsProcesses(process);
            }
            // a process it started that is still alive could hold the pipes open: read on for a while, not forever
            out.join(TimeUnit.SECONDS.toMillis(STOP_GRACE_SECONDS));
            err.join(TimeUnit.SECONDS.toMillis(STOP_GRACE_SECONDS));
            synchronized (stderr) {
                return new Ending(Optional.ofNullable(report.getNow(null)), process.exitValue(), !ended,
                        String.join("\n", stderr));
            }
        } finally {
            synchronized (lock) {
                running = null;
            }
            if (process.isAlive()) {
                endWithItsProcesses(process);
            }
        }
    }

    /** Ends the measuring JVM that is running, if any, and refuses to start another. */
    void stop() {
        Process process;
        synchronized (lock) {
            stopped = true;
            process = running;
        }
        if (process != null) {
            endWithItsProcesses(process);
        }
    }

    /**
     * Asks the JVM and every process it started to stop, then kills what is left after the grace
     * period. The tree is listed first: a worker whose parent has ended is nobody's descendant.
     */
    static void endWithItsProcesses(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                handle.destroyForcibly();
            } catch (InterruptedException interrupted) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        // a process ended by force has still to be reaped before exitValue() can be read
        try {
            process.onExit().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException cannotWait) {
            if (cannotWait instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread drain(InputStream stream, String name, Consumer<String> eachLine) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    eachLine.accept(line);
                }
            } catch (IOException closed) {
                // the JVM has ended and taken the pipe with it: nothing more to read
            }
        });
    }
}
