package org.concurrencybench.benchmarks.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Gathers the {@link Environment} of this machine and JVM, for environment.json. */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    /**
     * @param coresHeld   how each fork is held to P cores, in words
     * @param forkJvmArgs the flags every fork gets, with P for the cores
     */
    public static Environment capture(String coresHeld, List<String> forkJvmArgs) {
        return new Environment(
                System.getProperty("java.vendor"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"),
                System.getProperty("java.home"),
                forkJvmArgs,
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                coresHeld,
                SuiteVersion.current(),
                gitCommit().orElse(null),
                host(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** The first {@code model name} of /proc/cpuinfo; the architecture where there is none. */
    public static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo, StandardCharsets.UTF_8)) {
                Optional<String> model = lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
                if (model.isPresent()) {
                    return model.get();
                }
            } catch (IOException | RuntimeException unreadable) {
                // the architecture will have to do
            }
        }
        return System.getProperty("os.arch");
    }

    /** The commit of the working folder's git checkout, {@code +local changes} if its files differ from it. */
    static Optional<String> gitCommit() {
        Optional<Git> commit = git("rev-parse", "--short=12", "HEAD");
        if (commit.isEmpty() || commit.get().exitCode() != 0) {
            return Optional.empty();
        }
        // exit code 1: tracked files differ from the commit; --no-optional-locks: only look, never touch the index
        boolean changed = git("diff", "--quiet", "HEAD", "--").map(diff -> diff.exitCode() == 1).orElse(false);
        return Optional.of(commit.get().output() + (changed ? " +local changes" : ""));
    }

    private record Git(int exitCode, String output) {
    }

    private static Optional<Git> git(String... arguments) {
        String[] command = Stream.concat(Stream.of("git", "--no-optional-locks"), Stream.of(arguments)).toArray(String[]::new);
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly().waitFor();
                return Optional.empty();
            }
            // the commands used print a line at most, which fits the pipe while git runs
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return Optional.of(new Git(git.exitValue(), output));
        } catch (IOException noGit) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** This machine's host name, or null when it has none to give. */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return null;
        }
    }
}
