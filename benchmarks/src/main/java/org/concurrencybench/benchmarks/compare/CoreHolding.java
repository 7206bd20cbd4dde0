package org.concurrencybench.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.concurrencybench.benchmarks.common.ProgramsOnPath;

/**
 * Holds each JMH fork to P cores. Always with {@code -XX:ActiveProcessorCount=P}, so the JVM
 * sizes its GC and JIT threads and its common pools for P, and the virtual thread scheduler's
 * parallelism and maximum pool size set to P, so virtual threads get P carriers as a pool gets
 * P threads. Where {@code taskset} exists, the fork is also pinned to the first P of the CPUs
 * this process may use, so that it cannot borrow an idle core: JMH starts a small script in
 * place of {@code java} (its {@code jvm} option), which execs {@code taskset -c <cpus> java}.
 */
public final class CoreHolding implements AutoCloseable {

    private final List<Integer> allowedCpus;
    private final Path taskset;
    private final Path java;
    private Path scripts;

    private CoreHolding(List<Integer> allowedCpus, Path taskset, Path java) {
        this.allowedCpus = List.copyOf(allowedCpus);
        this.taskset = taskset;
        this.java = java;
    }

    /** The CPUs this process may use, and taskset if it is on the PATH and works here. */
    public static CoreHolding detect() {
        List<Integer> cpus = allowedCpus();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path taskset = ProgramsOnPath.find("taskset").filter(found -> works(found, cpus.getFirst())).orElse(null);
        return new CoreHolding(cpus, taskset, java);
    }

    /** What a fork at P cores is given. */
    public record ForkSettings(Optional<String> jvm, List<String> jvmArgs, String description) {
    }

    public synchronized ForkSettings forCores(int cores) throws IOException {
        List<String> args = List.of("-XX:ActiveProcessorCount=" + cores,
                "-Djdk.virtualThreadScheduler.parallelism=" + cores,
                "-Djdk.virtualThreadScheduler.maxPoolSize=" + cores);
        if (taskset == null) {
            return new ForkSettings(Optional.empty(), args, "-XX:ActiveProcessorCount=" + cores + " (no taskset)");
        }
        String cpus = cpuList(cores);
        Path script = scriptFolder().resolve("java-on-" + cores + "-cores");
        if (!Files.exists(script)) {
            Files.writeString(script, "#!/bin/sh\n"
                    + "# A JMH fork held to P=" + cores + " cores: JMH runs this script in place of java.\n"
                    + "exec " + quoted(taskset.toString()) + " -c " + cpus + " " + quoted(java.toString()) + " \"$@\"\n",
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        return new ForkSettings(Optional.of(script.toString()), args,
                "taskset -c " + cpus + " and -XX:ActiveProcessorCount=" + cores);
    }

    /** How forks are held, in words, for environment.json and the report. */
    public String describe() {
        String always = "-XX:ActiveProcessorCount=P and -Djdk.virtualThreadScheduler.parallelism=P (maxPoolSize=P)";
        if (taskset == null) {
            return always + "; not pinned to CPUs: taskset was not found or does not work here";
        }
        return "taskset -c (the first P of CPUs " + ranges(allowedCpus) + ") and " + always;
    }

    /** The CPUs this process may use. */
    public int processors() {
        return allowedCpus.size();
    }

    /** The first P allowed CPUs; all of them when P is more than there are. */
    String cpuList(int cores) {
        return allowedCpus.stream().limit(cores).map(String::valueOf).collect(Collectors.joining(","));
    }

    private Path scriptFolder() throws IOException {
        if (scripts == null) {
            scripts = Files.createTempDirectory("bench-jvm-");
        }
        return scripts;
    }

    /** Deletes the scripts. */
    @Override
    public synchronized void close() {
        if (scripts == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(scripts)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException leftBehind) {
            // a few bytes in the temporary folder; the results do not depend on it
        }
        scripts = null;
    }

    /** {@code Cpus_allowed_list} of /proc/self/status (such as {@code 0-3,8}); else 0 to processors - 1. */
    static List<Integer> allowedCpus() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try (Stream<String> lines = Files.lines(status)) {
                Optional<String> list = lines.filter(line -> line.startsWith("Cpus_allowed_list:"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
                if (list.isPresent()) {
                    return parseCpuList(list.get());
                }
            } catch (IOException | RuntimeException unreadable) {
                // fall back to the processor count
            }
        }
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
            cpus.add(cpu);
        }
        return cpus;
    }

    static List<Integer> parseCpuList(String list) {
        TreeSet<Integer> cpus = new TreeSet<>();
        for (String part : list.split(",")) {
            String range = part.strip();
            if (range.isEmpty()) {
                continue;
            }
            int dash = range.indexOf('-');
            if (dash < 0) {
                cpus.add(Integer.parseInt(range));
            } else {
                int from = Integer.parseInt(range.substring(0, dash));
                int to = Integer.parseInt(range.substring(dash + 1));
                for (int cpu = from; cpu <= to; cpu++) {
                    cpus.add(cpu);
                }
            }
        }
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("empty CPU list '" + list + "'");
        }
        return List.copyOf(cpus);
    }

    /** {@code 0-3,8}: a CPU list as Linux writes it. */
    static String ranges(List<Integer> cpus) {
        List<String> parts = new ArrayList<>();
        int start = cpus.getFirst();
        int previous = start;
        for (int cpu : cpus.subList(1, cpus.size())) {
            if (cpu != previous + 1) {
                parts.add(start == previous ? String.valueOf(start) : start + "-" + previous);
                start = cpu;
            }
            previous = cpu;
        }
        parts.add(start == previous ? String.valueOf(start) : start + "-" + previous);
        return String.join(",", parts);
    }

    /** Whether taskset can pin a process here (a container may forbid it). */
    private static boolean works(Path taskset, int cpu) {
        try {
            Process probe = new ProcessBuilder(taskset.toString(), "-c", String.valueOf(cpu), "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly().waitFor();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException cannotStart) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
