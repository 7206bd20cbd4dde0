package org.concurrencybench.benchmarks.newmodel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.cli.Bench;
import org.concurrencybench.core.ModelProvider;

/**
 * {@code bench} in a JVM of its own whose class path also holds a folder with a services file
 * that registers made-up models: the test JVM itself never knows them.
 */
final class ChildBench {

    record Run(int exitCode, String output) {
    }

    private final Path work;
    private final Path registration;

    private ChildBench(Path work, Path registration) {
        this.work = work;
        this.registration = registration;
    }

    /** A bench whose JVMs find the models of {@code providers}, registered in a folder under {@code work}. */
    static ChildBench registering(Path work, Class<?>... providers) throws IOException {
        Path registration = Files.createTempDirectory(work, "registration");
        Path services = registration.resolve("META-INF/services/" + ModelProvider.class.getName());
        Files.createDirectories(services.getParent());
        List<String> lines = new ArrayList<>();
        for (Class<?> provider : providers) {
            lines.add(provider.getName());
        }
        Files.write(services, lines, StandardCharsets.UTF_8);
        return new ChildBench(work, registration);
    }

    /** Runs {@code bench args} and returns its exit code and its output, standard error included. */
    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + registration, Bench.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "bench", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("bench " + String.join(" ", args) + " did not end in 3 minutes");
            }
        } finally {
            process.destroyForcibly();
            process.waitFor();
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
