package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./bench} launcher, run as a user runs it, on a copy of the repository's layout:
 * the real script, a stand-in {@code mvnw} that records how it was called, and a jar that
 * reaches this build's classes through its manifest (the shaded jar is made after the tests).
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LauncherTest {

    private static final Pattern VERSION = Pattern.compile("bench \\S+ on Java (\\d+)\\S*.*");

    @TempDir
    private Path temp;
    private Path root;
    private Path jar;
    private Path source;
    private Path elsewhere;

    @BeforeEach
    void copyTheLayout() throws IOException {
        root = Files.createDirectories(temp.resolve("suite"));
        Path launcher = repositoryRoot().resolve("bench");
        assertTrue(Files.isExecutable(launcher), launcher + " should be executable");
        Files.copy(launcher, root.resolve("bench"), StandardCopyOption.COPY_ATTRIBUTES);
        write(root.resolve("mvnw"), """
                #!/bin/sh
                here=$(dirname "$0")
                echo "$* JAVA_HOME=${JAVA_HOME:-unset}" >> "$here/mvnw.log"
                if [ -f "$here/broken" ]; then
                  echo "[ERROR] COMPILATION ERROR: Broken.java:[3,1] class, interface, enum, or record expected"
                  exit 1
                fi
                touch "$here/benchmarks/target/benchmarks.jar"
                """);
        jar = Files.createDirectories(root.resolve("benchmarks/target")).resolve("benchmarks.jar");
        writeJarReachingThisClassPath(jar);
        source = Files.createDirectories(root.resolve("core/src/main/java")).resolve("Kernel.java");
        Files.writeString(source, "interface Kernel {}\n");
        elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Instant now = Instant.now();
        // folders count too: their time changes when a source file is deleted
        for (Path path = source; !path.equals(root); path = path.getParent()) {
            Files.setLastModifiedTime(path, FileTime.from(now.minus(2, ChronoUnit.HOURS)));
        }
        Files.setLastModifiedTime(jar, FileTime.from(now.minus(1, ChronoUnit.HOURS)));
    }

    @Test
    void anUpToDateJarRunsOnAJdk21OrNewerFromAnyFolderWithoutBuilding() throws Exception {
        Result result = launch(Map.of(), "--version");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(javaFeature(result.out()) >= 21, result.toString());
        assertFalse(Files.exists(root.resolve("mvnw.log")), "built although nothing changed");
    }

    @Test
    void sourcesNewerThanTheJarAreBuiltQuietlyFirstAndOnlyOnce() throws Exception {
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minus(1, ChronoUnit.MINUTES)));

        Result first = launch(Map.of(), "--version");
        Result second = launch(Map.of(), "--version");

        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(VERSION.matcher(first.out().strip()).matches(), first.toString());
        assertEquals("bench: building the suite (./mvnw -q -B install -DskipTests) ...", first.err().strip());
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals("", second.err(), "the second run should not build");
        assertEquals(List.of("-q -B install -DskipTests JAVA_HOME=unset"),
                Files.readAllLines(root.resolve("mvnw.log")));
    }

    @Test
    void aFailingBuildShowsItsOutputAndDoesNotRunTheSuite() throws Exception {
        Files.delete(jar);
        Files.writeString(root.resolve("broken"), "");

        Result result = launch(Map.of(), "--version");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertTrue(result.err().contains("COMPILATION ERROR: Broken.java:[3,1]"), result.toString());
        assertTrue(result.err().contains("bench: the build failed (its output is above)"), result.toString());
    }

    @Test
    void jdksOlderThan21InJavaHomeAndOnThePathArePassedOverForANewerOne() throws Exception {
        Path oldJdk = Files.createDirectories(temp.resolve("jdk-17"));
        Files.writeString(oldJdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        Path oldJavaOnPath = Files.createDirectories(temp.resolve("old-bin"));
        write(oldJavaOnPath.resolve("java"), """
                #!/bin/sh
                echo 'openjdk version "17.0.9" 2023-10-17' >&2
                """);
        Path home = Files.createDirectories(temp.resolve("home/.jdks")).getParent();
        Files.createSymbolicLink(home.resolve(".jdks/this-jdk"), Path.of(System.getProperty("java.home")));

        Result result = launch(Map.of("JAVA_HOME", oldJdk.toString(), "HOME", home.toString(),
                "PATH", oldJavaOnPath + File.pathSeparator + System.getenv("PATH")), "--version");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(javaFeature(result.out()) >= 21, result.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs the copied launcher from another folder, without JAVA_HOME unless {@code environment} sets it. */
    private Result launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bench").toString()));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not end within 90 s; stderr: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static int javaFeature(String versionLine) {
        Matcher matcher = VERSION.matcher(versionLine.strip());
        assertTrue(matcher.matches(), "a version line: " + versionLine);
        return Integer.parseInt(matcher.group(1));
    }

    /** A jar of nothing but a manifest whose Class-Path is this test's own class path. */
    private static void writeJarReachingThisClassPath(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                        .collect(Collectors.joining(" ")));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
            // the manifest is the whole jar
        }
    }

    private static void write(Path script, String text) throws IOException {
        Files.writeString(script, text);
        assertTrue(script.toFile().setExecutable(true), "could not make " + script + " executable");
    }

    /** The folder holding {@code ./bench} and {@code mvnw}: above the module the tests run in. */
    private static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve("bench")) && Files.exists(folder.resolve("mvnw"))) {
                return folder;
            }
        }
        throw new AssertionError("no folder with bench and mvnw above " + Path.of("").toAbsolutePath());
    }
}
