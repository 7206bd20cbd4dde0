package org.concurrencybench.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.common.ForkPinning;
import org.concurrencybench.benchmarks.common.ProgramsOnPath;

/**
 * Holds each JMH fork to P cores. Always with {@code -XX:ActiveProcessorCount=P}, so the JVM
 * sizes its GC and JIT threads and its common pools for P, and the virtual thread scheduler's
 * parallelism and maximum pool size set to P, so virtual threads get P carriers as a pool gets
 * P threads. Where {@code taskset} exists, the fork is also pinned to the first P of the CPUs
 * this process may use, so that it cannot borrow an idle core: it is told which CPUs and pins
 * itself once it has started, before its trial sets up ({@link ForkPinning}).
 */
public final class CoreHolding {

    private final List<Integer> allowedCpus;
    private final Path taskset;

    private CoreHolding(List<Integer> allowedCpus, Path taskset) {
        this.allowedCpus = List.copyOf(allowedCpus);
        this.taskset = taskset;
    }

    /** The CPUs this process may use, and taskset if it is on the PATH and works here. */
    public static CoreHolding detect() {
        List<Integer> cpus = allowedCpus();
        Path taskset = ProgramsOnPath.find("taskset").filter(found -> works(found, cpus.getFirst())).orElse(null);
        return new CoreHolding(cpus, taskset);
    }

    /** What a fork at P cores is given: the JVM options, which also ask it to pin itself where taskset works. */
    public record ForkSettings(List<String> jvmArgs, String description) {
    }

    public ForkSettings forCores(int cores) {
        List<String> args = new ArrayList<>(List.of("-XX:ActiveProcessorCount=" + cores,
                "-Djdk.virtualThreadScheduler.parallelism=" + cores,
                "-Djdk.virtualThreadScheduler.maxPoolSize=" + cores));
        if (taskset == null) {
            return new ForkSettings(args, "-XX:ActiveProcessorCount=" + cores + " (no taskset)");
        }
        String cpus = cpuList(cores);
        args.addAll(ForkPinning.properties(taskset, cpus));
        return new ForkSettings(args, "taskset -a -p -c " + cpus + " once started, and -XX:ActiveProcessorCount=" + cores);
    }

    /** How forks are held, in words, for environment.json and the report. */
    public String describe() {
        String always = "-XX:ActiveProcessorCount=P and -Djdk.virtualThreadScheduler.parallelism=P (maxPoolSize=P)";
        if (taskset == null) {
            return always + "; not pinned to CPUs: taskset was not found or does not work here";
        }
        return "taskset -a -p -c (the first P of CPUs " + ForkPinning.ranges(allowedCpus)
                + ") as soon as it has started, and " + always;
    }

    /** The CPUs this process may use. */
    public int processors() {
        return allowedCpus.size();
    }

    /** The first P allowed CPUs; all of them when P is more than there are. */
    String cpuList(int cores) {
        return allowedCpus.stream().limit(cores).map(String::valueOf).collect(Collectors.joining(","));
    }

    /** {@code Cpus_allowed_list} of /proc/self/status (such as {@code 0-3,8}); else 0 to processors - 1. */
    static List<Integer> allowedCpus() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                Optional<List<Integer>> list = ForkPinning.allowedCpus(status);
                if (list.isPresent()) {
                    return list.get();
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
}
