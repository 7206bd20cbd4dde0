package org.concurrencybench.benchmarks.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concurrencybench.benchmarks.common.ProgramsOnPath;

/**
 * The interpreter that runs the Python models: {@code python3} on the PATH, or the one the
 * system property {@value #PROPERTY} names. Asked once for its version; where there is none,
 * or it is older than 3.9, or it does not start, the Python models are n/a with that reason
 * ({@link #unavailable()}), never a failure of the run.
 */
public final class Python {

    /** A system property naming the interpreter to use instead of {@code python3} on the PATH. */
    public static final String PROPERTY = "bench.python";

    /** The oldest interpreter the package runs on. */
    public static final int MINIMUM_MAJOR = 3;
    public static final int MINIMUM_MINOR = 9;

    private static final Pattern VERSION = Pattern.compile("^(\\S+) (\\d+) (\\d+) (\\d+)$");
    private static final long PROBE_SECONDS = 20;

    private static volatile Python found;

    private final Path executable;
    private final String implementation;
    private final String version;
    private final String unavailable;
    /** The property's value this interpreter was found for: empty for the PATH's. */
    private volatile String foundFor = "";

    private Python(Path executable, String implementation, String version, String unavailable) {
        this.executable = executable;
        this.implementation = implementation;
        this.version = version;
        this.unavailable = unavailable;
    }

    /**
     * The interpreter of this JVM's runs: the property's, else python3 on the PATH; asked once for
     * each value of the property.
     */
    public static Python find() {
        String named = System.getProperty(PROPERTY, "").strip();
        Python python = found;
        if (python == null || !python.foundFor.equals(named)) {
            synchronized (Python.class) {
                python = found;
                if (python == null || !python.foundFor.equals(named)) {
                    python = !named.isEmpty() ? at(Path.of(named))
                            : ProgramsOnPath.find("python3").map(Python::at).orElseGet(() -> new Python(null, null, null,
                                    "no python3 on the PATH (the Python models need CPython " + MINIMUM_MAJOR + "."
                                            + MINIMUM_MINOR + " or newer; -D" + PROPERTY + "=/path/to/python3 names"
                                            + " another)"));
                    python.foundFor = named;
                    found = python;
                }
            }
        }
        return python;
    }

    /** The interpreter at {@code executable}, asked for its version now. */
    public static Python at(Path executable) {
        if (!Files.isExecutable(executable)) {
            return new Python(executable, null, null, executable + " is not an executable interpreter");
        }
        List<String> command = List.of(executable.toString(), "-c",
                "import platform, sys; print(platform.python_implementation(), *sys.version_info[:3])");
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getOutputStream().close();
            byte[] output = probe.getInputStream().readNBytes(4096);
            if (!probe.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly().waitFor();
                return new Python(executable, null, null, executable + " did not say its version within " + PROBE_SECONDS
                        + " s");
            }
            String answer = new String(output, StandardCharsets.UTF_8).strip();
            Matcher matcher = VERSION.matcher(answer.lines().reduce((first, last) -> last).orElse(""));
            if (probe.exitValue() != 0 || !matcher.matches()) {
                return new Python(executable, null, null, executable + " is not a Python 3 interpreter that runs"
                        + " (it answered '" + firstLine(answer) + "')");
            }
            String version = matcher.group(2) + "." + matcher.group(3) + "." + matcher.group(4);
            int major = Integer.parseInt(matcher.group(2));
            int minor = Integer.parseInt(matcher.group(3));
            if (major < MINIMUM_MAJOR || major == MINIMUM_MAJOR && minor < MINIMUM_MINOR) {
                return new Python(executable, matcher.group(1), version, executable + " is Python " + version
                        + "; the Python models need " + MINIMUM_MAJOR + "." + MINIMUM_MINOR + " or newer");
            }
            return new Python(executable, matcher.group(1), version, null);
        } catch (IOException cannotStart) {
            return new Python(executable, null, null, executable + " does not start: " + cannotStart.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Python(executable, null, null, "interrupted while asking " + executable + " for its version");
        }
    }

    /** Why the Python models cannot run here; empty when they can. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    public Path executable() {
        return executable;
    }

    /** {@code CPython 3.11.7}; the reason it is unavailable when it is. */
    public String describe() {
        return unavailable != null ? unavailable : implementation + " " + version + " (" + executable + ")";
    }

    /**
     * {@code python3 -m concurrency_bench <arguments>} importing the package from {@code pythonPackage},
     * ready to start (its bytecode caches go into the package's temporary folder, and with it).
     */
    public ProcessBuilder command(PythonPackage pythonPackage, List<String> arguments) {
        if (unavailable != null) {
            throw new IllegalStateException("the Python models cannot run: " + unavailable);
        }
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-m", PythonPackage.NAME));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONPATH", pythonPackage.folder().toString());
        builder.environment().remove("PYTHONHOME");
        return builder;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
