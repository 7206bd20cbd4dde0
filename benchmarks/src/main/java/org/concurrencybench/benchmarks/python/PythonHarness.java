package org.concurrencybench.benchmarks.python;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The suite's Python harness, driven from Java: the package extracted once, then each question
 * ({@link #limits}, {@link #expected}) or measurement ({@link #measure}) a {@code python3 -m
 * concurrency_bench} process of its own. A measurement's forks are the harness's children;
 * the harness ends them when they are done, fail or are interrupted, and this class ends the
 * harness and whatever is left of its process tree when it is interrupted itself, so no
 * interpreter outlives the cell. {@link #close()} deletes the package.
 */
public final class PythonHarness implements AutoCloseable {

    /** The harness's exit code for a model that declares the work n/a; 1 is a failed run, 2 a usage error. */
    static final int NOT_APPLICABLE = 3;

    /** What a question may take: an interpreter start and some arithmetic. */
    private static final long QUESTION_SECONDS = 120;

    private final Python python;
    private final PythonPackage pythonPackage;

    private PythonHarness(Python python, PythonPackage pythonPackage) {
        this.python = python;
        this.pythonPackage = pythonPackage;
    }

    /** The harness on {@code python}, which must be available; the package is extracted now. */
    public static PythonHarness open(Python python) {
        python.unavailable().ifPresent(reason -> {
            throw new IllegalStateException("the Python models cannot run: " + reason);
        });
        return new PythonHarness(python, PythonPackage.extract());
    }

    public Python python() {
        return python;
    }

    /** A cell of Python: the model at P on the workload at sizes as the catalog writes them (every value one). */
    public record Cell(String model, String workload, int cores, Map<String, String> sizes) {

        public Cell {
            sizes = Map.copyOf(sizes);
        }
    }

    /** How long a measurement runs: JMH's forks, iterations and their times. */
    public record Settings(int forks, int warmupIterations, long warmupMillis, int iterations, long measurementMillis) {
    }

    /** For each cell, the reason its model declares it n/a, or empty when it can run it. */
    public List<Optional<String>> limits(List<Cell> cells) {
        JsonArray request = new JsonArray();
        for (Cell cell : cells) {
            JsonObject entry = new JsonObject();
            entry.addProperty("model", cell.model());
            entry.addProperty("cores", cell.cores());
            entry.addProperty("workload", cell.workload());
            entry.add("sizes", sizes(cell.sizes()));
            request.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("cells", request);
        List<Optional<String>> reasons = new ArrayList<>();
        for (JsonElement reason : ask("limits", body).getAsJsonArray("reasons")) {
            reasons.add(reason.isJsonNull() ? Optional.empty() : Optional.of(reason.getAsString()));
        }
        return reasons;
    }

    /** The answer each workload at its sizes expects, as the Python package computes it without a model. */
    public List<Long> expected(List<Map.Entry<String, Map<String, String>>> workloads) {
        JsonArray request = new JsonArray();
        for (Map.Entry<String, Map<String, String>> workload : workloads) {
            JsonObject entry = new JsonObject();
            entry.addProperty("workload", workload.getKey());
            entry.add("sizes", sizes(workload.getValue()));
            request.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("workloads", request);
        List<Long> expected = new ArrayList<>();
        ask("answers", body).getAsJsonArray("expected").forEach(answer -> expected.add(answer.getAsLong()));
        return expected;
    }

    /**
     * Measures {@code cell} as {@code settings} say: the record (a JSON array of one, shaped like
     * JMH's) goes to {@code resultFile}, the harness's progress to {@code log}. A failure is a
     * {@link PythonRunException} whose message is the harness's one line naming the model and
     * the cause.
     */
    public void measure(Cell cell, Settings settings, Path resultFile, OutputStream log) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--model", cell.model(), "--workload", cell.workload(),
                "--cores", String.valueOf(cell.cores()), "--forks", String.valueOf(settings.forks()),
                "--warmup-iterations", String.valueOf(settings.warmupIterations()),
                "--warmup-time", settings.warmupMillis() + "ms", "--iterations", String.valueOf(settings.iterations()),
                "--time", settings.measurementMillis() + "ms", "--json", resultFile.toString()));
        cell.sizes().forEach((name, value) -> arguments.addAll(List.of("-p", name + "=" + value)));
        Process harness = start(arguments);
        try {
            harness.getOutputStream().close();
            Thread copier = Thread.ofPlatform().daemon().name("python-harness-output").start(() -> copy(harness
                    .getInputStream(), log));
            byte[] errors = harness.getErrorStream().readAllBytes();
            int code = harness.waitFor();
            copier.join();
            if (code != 0) {
                throw new PythonRunException(reason(cell, code, new String(errors, StandardCharsets.UTF_8)), code == NOT_APPLICABLE);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("the Python harness for " + cell.model() + " on " + cell.workload() + " failed: "
                    + failed.getMessage(), failed);
        } finally {
            end(harness);
        }
    }

    /**
     * The notebook's two demonstrations run by Python model {@code model} at P = {@code cores} in
     * an interpreter of its own, its lines printed to {@code out} as they come; a failure is a
     * {@link PythonRunException} with the harness's one line.
     */
    public void demo(String model, int cores, long delayMs, PrintWriter out) throws InterruptedException {
        Process demo = start(List.of("demo", "--model", model, "--cores", String.valueOf(cores), "--delay-ms",
                String.valueOf(delayMs)));
        try {
            demo.getOutputStream().close();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread copier = Thread.ofPlatform().daemon().name("python-demo-errors").start(() -> copy(demo
                    .getErrorStream(), errors));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println(line);
                    out.flush();
                }
            }
            int code = demo.waitFor();
            copier.join();
            if (code != 0) {
                throw new PythonRunException(reason(new Cell(model, "demo", cores, Map.of()), code,
                        errors.toString(StandardCharsets.UTF_8)), false);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("the Python demo of " + model + " failed: " + failed.getMessage(), failed);
        } finally {
            end(demo);
        }
    }

    private JsonObject ask(String command, JsonObject body) {
        Process process = start(List.of(command));
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(body.toString().getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread copier = Thread.ofPlatform().daemon().name("python-harness-errors").start(() -> copy(process
                    .getErrorStream(), errors));
            String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(QUESTION_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Python harness did not answer '" + command + "' within "
                        + QUESTION_SECONDS + " s");
            }
            copier.join();
            if (process.exitValue() != 0) {
                String said = errors.toString(StandardCharsets.UTF_8).strip();
                throw new IllegalArgumentException("the Python harness refused '" + command + "': "
                        + said.lines().reduce((first, last) -> last).orElse("exit code " + process.exitValue()));
            }
            return JsonParser.parseString(answer).getAsJsonObject();
        } catch (IOException failed) {
            throw new UncheckedIOException("the Python harness could not be asked '" + command + "': " + failed.getMessage(),
                    failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the Python harness '" + command + "'", interrupted);
        } finally {
            end(process);
        }
    }

    private Process start(List<String> arguments) {
        try {
            return python.command(pythonPackage, arguments).start();
        } catch (IOException cannotStart) {
            throw new UncheckedIOException(python.executable() + " does not start: " + cannotStart.getMessage(), cannotStart);
        }
    }

    /** The harness's one line ({@code error: ...}); else its last line of standard error, with the exit code. */
    static String reason(Cell cell, int code, String errors) {
        List<String> lines = errors.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Optional<String> marked = lines.stream().filter(line -> line.startsWith("error: ")).reduce((first, last) -> last);
        if (marked.isPresent()) {
            return marked.get().substring("error: ".length());
        }
        return cell.model() + " on " + cell.workload() + " at P=" + cell.cores() + ": the Python harness exited with code "
                + code + (lines.isEmpty() ? "" : ": " + lines.getLast());
    }

    private static JsonObject sizes(Map<String, String> sizes) {
        JsonObject object = new JsonObject();
        sizes.forEach(object::addProperty);
        return object;
    }

    private static void copy(InputStream from, OutputStream to) {
        try {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = from.read(buffer)) >= 0) {
                synchronized (to) {
                    to.write(buffer, 0, read);
                }
            }
            to.flush();
        } catch (IOException closed) {
            // the process ended; what it wrote is copied
        }
    }

    /** Ends the process and every process below it, children first listed, then waits for them. */
    private static void end(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.addFirst(process.toHandle());
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    /** Deletes the extracted package. */
    @Override
    public void close() {
        pythonPackage.close();
    }
}
