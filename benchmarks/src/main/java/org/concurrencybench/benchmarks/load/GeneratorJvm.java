package org.concurrencybench.benchmarks.load;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link LoadGeneratorMain} in a JVM of its own, so that its thread and garbage share neither heap
 * nor JIT with the server: started with this JVM's {@code java} and class path, waited for within a
 * bound, and ended by force if it overruns or the command is stopped. Not pinned to cores: on a
 * machine with no more cores than the server's P, generator and server share them.
 */
final class GeneratorJvm {

    /** Beyond the run's own bound (warm-up, period and a time-out's drain): JVM start-up and the sieve of the expected bodies. */
    static final Duration SLACK = Duration.ofSeconds(60);
    private static final int STDERR_LINES = 20;

    private final Object lock = new Object();
    private Process running;
    private boolean stopped;

    /** Runs the generator with {@code arguments}, waits at most {@code bound} plus {@link #SLACK}, and reads the JSON it wrote to {@code json}. */
    JsonObject run(List<String> arguments, Path json, Duration bound) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadGeneratorMain.class.getName());
        command.addAll(arguments);
        command.add("--json");
        command.add(json.toString());
        Process process;
        synchronized (lock) {
            if (stopped) {
                throw new InterruptedException("the load run is stopping");
            }
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            running = process;
        }
        Deque<String> stderr = new ArrayDeque<>();
        Thread errors = ServerJvm.drain(process.getErrorStream(), "load-generator-stderr", line -> {
            synchronized (stderr) {
                stderr.addLast(line);
                if (stderr.size() > STDERR_LINES) {
                    stderr.removeFirst();
                }
            }
        }, () -> { });
        try {
            if (!process.waitFor(bound.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the load generator did not finish within " + bound.plus(SLACK).toSeconds()
                        + " s and was ended");
            }
            errors.join(TimeUnit.SECONDS.toMillis(5));
            if (process.exitValue() != LoadGeneratorMain.DONE || !Files.isRegularFile(json)) {
                String said;
                synchronized (stderr) {
                    said = stderr.isEmpty() ? "" : ": " + stderr.getLast().strip();
                }
                throw new IOException("the load generator exited with code " + process.exitValue() + said);
            }
            return JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        } finally {
            synchronized (lock) {
                running = null;
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(ServerJvm.STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Ends the generator that is running, if any, and refuses to start another. */
    void stop() {
        Process process;
        synchronized (lock) {
            stopped = true;
            process = running;
        }
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(ServerJvm.STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
