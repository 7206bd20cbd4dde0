package org.concurrencybench.processes.parent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a worker JVM: this JVM's own {@code java}, start-up options, the
 * suite's own class path, and a main class. The parent's class path is reused, so a worker
 * runs exactly the kernels the parent checks against, from a jar or from build folders.
 *
 * <p>The options were chosen by timing {@code ProcessBuilder.start} to the first reply of a
 * one-unit request on JDK 25 (three series of 31 to 41 starts on two cores shared with other
 * work): an AOT cache nearly halves it, medians of 38 to 52 ms against 75 to 80 ms with the
 * default CDS archive, so the models' workers get one added unless it is switched off. The
 * serial collector starts no GC threads for a worker that runs units on one thread. JVM
 * warnings go to stderr, because stdout carries frames. Left out because they started no
 * faster: C1 only ({@code -XX:TieredStopAtLevel=1}, which would also slow CPU-bound units)
 * and {@code -XX:-UsePerfData}.
 */
public final class WorkerCommand {

    public static final List<String> FAST_START_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xlog:disable",
            "-Xlog:all=warning:stderr");

    private final List<String> command;

    private WorkerCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Workers running {@code mainClass} on this JVM's {@code java} and class path, with the start-up options. */
    public static WorkerCommand of(Class<?> mainClass) {
        return of(javaBinary(), FAST_START_OPTIONS, classPath(), mainClass.getName());
    }

    public static WorkerCommand of(Path javaBinary, List<String> options, String classPath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return new WorkerCommand(command);
    }

    public List<String> command() {
        return command;
    }

    /** The same command with {@code options} added before the class path. */
    public WorkerCommand withOptions(List<String> options) {
        List<String> extended = new ArrayList<>(command);
        extended.addAll(extended.indexOf("-cp"), options);
        return new WorkerCommand(extended);
    }

    public static Path javaBinary() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    public static String classPath() {
        return System.getProperty("java.class.path");
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
