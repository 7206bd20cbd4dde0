package org.concurrencybench.benchmarks.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Holds a JVM that the suite started (a JMH fork, a load test's server) to the CPUs chosen for
 * it, once it has started: the JVM is given {@value #CPUS} and {@value #TASKSET} as system
 * properties, and before its trial or server sets up it pins every thread it has with
 * {@code taskset -a -p}, then reads each thread's {@code Cpus_allowed_list} back until all of
 * them are held. Threads started afterwards inherit it from the thread that starts them, and so
 * do processes, so a model's pool, its carriers and its worker processes are held as well.
 *
 * <p>Why after start-up and not {@code taskset java ...}: a JVM started on one CPU loads its
 * classes, compiles and runs its main thread on that one CPU in turn, which cost about 0.45 s
 * more per JMH fork at P = 1 on a 2-core machine (1.11 against 0.67 s for a fork with one 100 ms
 * iteration), a minute of a default run. What is measured runs pinned either way.
 */
public final class ForkPinning {

    /** The CPUs to hold this JVM to, as Linux writes a list: {@code 0} or {@code 0-1,4}. */
    public static final String CPUS = "concurrencybench.cpus";

    /** The taskset program to do it with. */
    public static final String TASKSET = "concurrencybench.taskset";

    /** How many times to pin the threads while new ones keep appearing before giving up. */
    private static final int ATTEMPTS = 5;

    private static boolean pinned;

    private ForkPinning() {
    }

    /** The system properties that ask a JVM to hold itself to {@code cpus} with {@code taskset}. */
    public static List<String> properties(Path taskset, String cpus) {
        return List.of("-D" + CPUS + "=" + cpus, "-D" + TASKSET + "=" + taskset);
    }

    /**
     * Pins every thread of this JVM to the CPUs in {@value #CPUS}, if that property is set, and
     * checks that it took; once per JVM. Without the property (a JMH run started by hand) it
     * does nothing.
     *
     * @throws IllegalStateException if taskset fails or some thread is still elsewhere after it ran
     */
    public static synchronized void applyIfAsked() {
        String cpus = System.getProperty(CPUS);
        if (pinned || cpus == null) {
            return;
        }
        String taskset = System.getProperty(TASKSET, "taskset");
        List<Integer> wanted = parseCpuList(cpus);
        long pid = ProcessHandle.current().pid();
        Map<String, List<Integer>> elsewhere = Map.of();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                run(taskset, "-a", "-p", "-c", cpus, Long.toString(pid));
                elsewhere = threadsNotOn(wanted);
                if (elsewhere.isEmpty()) {
                    pinned = true;
                    return;
                }
            }
        } catch (IOException failed) {
            throw new IllegalStateException("could not hold this JVM to CPUs " + cpus + " with " + taskset + ": " + failed.getMessage(),
                    failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding this JVM to CPUs " + cpus);
        }
        throw new IllegalStateException("could not hold this JVM to CPUs " + cpus + ": after " + ATTEMPTS + " tries with "
                + taskset + " these threads are still on others: " + elsewhere);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(String.join(" ", command) + " did not end within 10 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + output.strip());
        }
    }

    /** The threads of this JVM whose CPUs are not {@code wanted}, by thread id, with the CPUs they have. */
    static Map<String, List<Integer>> threadsNotOn(List<Integer> wanted) throws IOException {
        Map<String, List<Integer>> elsewhere = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> thread : threadCpus().entrySet()) {
            if (!thread.getValue().equals(wanted)) {
                elsewhere.put(thread.getKey(), thread.getValue());
            }
        }
        return elsewhere;
    }

    /** Every thread of this JVM (its id under /proc/self/task) and the CPUs it may run on. */
    public static Map<String, List<Integer>> threadCpus() throws IOException {
        Map<String, List<Integer>> cpus = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    allowedCpus(task.resolve("status")).ifPresent(list -> cpus.put(task.getFileName().toString(), list));
                } catch (IOException ended) {
                    // the thread ended in between
                }
            }
        }
        return cpus;
    }

    /** The {@code Cpus_allowed_list} of a {@code /proc} status file, such as {@code /proc/self/status}; empty if it has none. */
    public static Optional<List<Integer>> allowedCpus(Path status) throws IOException {
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                .map(line -> parseCpuList(line.substring(line.indexOf(':') + 1)));
    }

    /** {@code 0-3,8} as Linux writes a CPU list: the CPUs in order. */
    public static List<Integer> parseCpuList(String list) {
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

    /** The CPUs in order as Linux writes a list: {@code 0-3,8}. */
    public static String ranges(List<Integer> cpus) {
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
}
