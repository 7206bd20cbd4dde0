package org.concurrencybench.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.concurrencybench.benchmarks.compare.CoreHolding;
import org.concurrencybench.core.serve.Serve;

/**
 * A model's server in a JVM of its own ({@link ServerMain}), held to P cores as compare holds its
 * forks ({@link CoreHolding}): taskset where it works, {@code -XX:ActiveProcessorCount=P} and the
 * virtual thread scheduler's parallelism and pool at P. The server ends when {@link #close()}
 * closes its standard input; a JVM that does not end within {@link #STOP_GRACE} is ended by force.
 *
 * <p>What it costs is read from Linux: its CPU time ({@code utime + stime} of
 * {@code /proc/<pid>/stat}, through {@link ProcessHandle.Info#totalCpuDuration()}) and its peak
 * resident set ({@code VmHWM} of {@code /proc/<pid>/status}).
 */
final class ServerJvm implements AutoCloseable {

    /** The same for every model and P, so that peak RSS figures compare: G1 at P = 1 too, where the JVM would pick Serial. */
    static final List<String> OPTIONS = List.of("-Xmx1g", "-XX:+UseG1GC");
    /** Long enough to start a JVM and a pool of ten thousand threads on a busy machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int STDERR_LINES = 20;

    private final Process process;
    private final int port;
    private final Deque<String> stderr;

    private ServerJvm(Process process, int port, Deque<String> stderr) {
        this.process = process;
        this.port = port;
        this.stderr = stderr;
    }

    /** Starts {@code model}'s server at P = {@code cores} and waits for its port; a server that cannot start is an IOException saying why. */
    static ServerJvm start(String model, int cores, Serve serve, CoreHolding holding)
            throws IOException, InterruptedException, ServerRefusedException {
        CoreHolding.ForkSettings fork = holding.forCores(cores);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(fork.jvmArgs());
        command.addAll(OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerMain.class.getName());
        command.add(model);
        command.add(Integer.toString(cores));
        command.addAll(ServeSizes.arguments(serve));
        Process process = new ProcessBuilder(command).start();
        Deque<String> stderr = new ArrayDeque<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        drain(process.getInputStream(), model + "-server-stdout", line -> {
            if (line.startsWith(ServerMain.PORT_PREFIX)) {
                port.complete(Integer.parseInt(line.substring(ServerMain.PORT_PREFIX.length()).strip()));
            }
        }, () -> port.complete(-1));
        Thread errors = drain(process.getErrorStream(), model + "-server-stderr", line -> {
            synchronized (stderr) {
                stderr.addLast(line);
                if (stderr.size() > STDERR_LINES) {
                    stderr.removeFirst();
                }
            }
        }, () -> { });
        ServerJvm server = null;
        try {
            int found = port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (found <= 0) {
                process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
                errors.join(STOP_GRACE.toMillis());
                Optional<String> refused;
                synchronized (stderr) {
                    refused = stderr.stream().filter(line -> line.startsWith(ServerMain.REFUSED_PREFIX))
                            .map(line -> line.substring(ServerMain.REFUSED_PREFIX.length())).findFirst();
                }
                if (refused.isPresent()) {
                    throw new ServerRefusedException(refused.get());
                }
                throw new IOException("the " + model + " server JVM ended before it served" + lastWords(stderr));
            }
            server = new ServerJvm(process, found, stderr);
            return server;
        } catch (TimeoutException | ExecutionException noPort) {
            throw new IOException("the " + model + " server JVM gave no port within " + START_TIMEOUT.toSeconds() + " s"
                    + lastWords(stderr));
        } finally {
            if (server == null) {
                end(process);
            }
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.toHandle().pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** CPU time the server JVM has used so far, user and system, in nanoseconds; empty if Linux does not say. */
    OptionalLong cpuNanos() {
        // the server's worker processes (a pre-forked pool's) serve too: their CPU is the server's
        Optional<Duration> own = process.toHandle().info().totalCpuDuration();
        if (own.isEmpty()) {
            return OptionalLong.empty();
        }
        long nanos = own.get().toNanos();
        for (ProcessHandle worker : process.toHandle().descendants().toList()) {
            nanos += worker.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return OptionalLong.of(nanos);
    }

    /**
     * The server's peak resident set so far ({@code VmHWM}), in bytes, with its worker processes'
     * added (a pre-forked pool's memory is the server's); empty if Linux does not say.
     */
    OptionalLong peakRssBytes() {
        OptionalLong own = peakRssBytes(pid());
        if (own.isEmpty()) {
            return own;
        }
        long bytes = own.getAsLong();
        for (ProcessHandle worker : process.toHandle().descendants().toList()) {
            bytes += peakRssBytes(worker.pid()).orElse(0);
        }
        return OptionalLong.of(bytes);
    }

    private static OptionalLong peakRssBytes(long pid) {
        try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "status"))) {
            // read to the end as a stream: Files.readString trusts the size, which /proc files give as 0
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring("VmHWM:".length()).strip())
                    .filter(value -> value.endsWith(" kB"))
                    .mapToLong(value -> Long.parseLong(value.substring(0, value.length() - 3).strip()) * 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** What the server said last on its standard error, for a failure's message. */
    String lastWords() {
        return lastWords(stderr);
    }

    /** Closes its standard input, so that it closes server and model and exits; ends it by force after the grace. */
    @Override
    public void close() {
        end(process);
    }

    static void end(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the JVM has gone; nothing to tell it
        }
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                tree.add(process.toHandle());
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static String lastWords(Deque<String> stderr) {
        synchronized (stderr) {
            return stderr.stream().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .reduce((first, last) -> last).map(line -> ": " + line.strip()).orElse("");
        }
    }

    static Thread drain(InputStream stream, String name, Consumer<String> eachLine, Runnable atEnd) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    eachLine.accept(line);
                }
            } catch (IOException | RuntimeException closed) {
                // the JVM has ended and taken the pipe with it: nothing more to read
            } finally {
                atEnd.run();
            }
        });
    }
}
