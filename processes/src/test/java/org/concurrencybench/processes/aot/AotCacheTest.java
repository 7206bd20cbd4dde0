package org.concurrencybench.processes.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Identity;
import org.concurrencybench.processes.parent.Deadline;
import org.concurrencybench.processes.parent.Inbox;
import org.concurrencybench.processes.parent.ShutdownGuard;
import org.concurrencybench.processes.parent.WorkerCommand;
import org.concurrencybench.processes.parent.WorkerEvent;
import org.concurrencybench.processes.parent.WorkerProcess;
import org.concurrencybench.processes.protocol.Reply;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.worker.WorkerMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache, built from a class path of jars made of this module's classes and core's. */
@EnabledForJreRange(min = JRE.JAVA_25)
class AotCacheTest {

    @TempDir
    static Path jars;

    private static String jarClassPath;

    @TempDir
    Path cacheFolder;

    @BeforeAll
    static void jarTheClassPath() throws IOException, URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> fromEach : List.of(WorkerMain.class, Batch.class)) {
            Path location = Path.of(fromEach.getProtectionDomain().getCodeSource().getLocation().toURI());
            entries.add(Files.isDirectory(location) ? jar(location, jars.resolve(entries.size() + ".jar")).toString()
                    : location.toString());
        }
        jarClassPath = String.join(File.pathSeparator, entries);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theCacheIsBuiltOnceAndAWorkerThatRequiresItStartsWithIt() throws Exception {
        Path file = newCache(jarClassPath).file().orElseThrow();
        long built = Files.getLastModifiedTime(file).toMillis();

        Optional<Path> again = newCache(jarClassPath).file();

        assertEquals(Optional.of(file), again);
        assertEquals(built, Files.getLastModifiedTime(file).toMillis(), "found, not built again");
        assertWorkerStartsRequiringTheCache(file);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void thisJdksCachesForOtherBuildsAreDeletedAndOtherFilesKept() throws Exception {
        String version = Runtime.version().version().stream().map(String::valueOf).reduce((a, b) -> a + "." + b)
                .orElseThrow();
        Path olderBuild = Files.writeString(cacheFolder.resolve(version + "-0123456789abcdef.aot"), "an older build's");
        Path otherJdk = Files.writeString(cacheFolder.resolve("21.0.9-0123456789abcdef.aot"), "another JDK's");
        Path newerPatch = Files.writeString(cacheFolder.resolve(version + ".1-0123456789abcdef.aot"), "another JDK's");
        Path forkArchive = Files.writeString(cacheFolder.resolve("forks-" + Runtime.version() + "-0123456789abcdef.jsa"),
                "the forks' archive");
        Path building = Files.writeString(cacheFolder.resolve(version + "-0123456789abcdef.aot.123-abc.tmp"),
                "another builder's");

        Path file = newCache(jarClassPath).file().orElseThrow();

        assertFalse(Files.exists(olderBuild), "no worker maps an older build's cache again");
        for (Path kept : List.of(file, otherJdk, newerPatch, forkArchive, building)) {
            assertTrue(Files.exists(kept), kept + " is kept");
        }
        Path olderAgain = Files.writeString(cacheFolder.resolve(version + "-fedcba9876543210.aot"), "left by a build");
        assertEquals(Optional.of(file), newCache(jarClassPath).file());
        assertFalse(Files.exists(olderAgain), "found rather than built, the cache still clears the older ones");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void buildersRacingForOneCacheLeaveOneWholeFile() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Optional<Path>>> builds = new ArrayList<>();
        for (int builder = 0; builder < 2; builder++) {
            AotCache cache = newCache(jarClassPath);
            CompletableFuture<Optional<Path>> build = new CompletableFuture<>();
            Thread.ofPlatform().name("test-aot-builder-" + builder).start(() -> {
                try {
                    start.await();
                    build.complete(cache.file());
                } catch (Throwable failed) {
                    build.completeExceptionally(failed);
                }
            });
            builds.add(build);
        }

        start.countDown();

        Path file = builds.get(0).get().orElseThrow();
        assertEquals(Optional.of(file), builds.get(1).get());
        try (Stream<Path> left = Files.list(cacheFolder)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
        assertWorkerStartsRequiringTheCache(file);
    }

    @Test
    void aClassPathWithAFolderFallsBackToCds() throws IOException {
        Path folder = Files.createDirectories(cacheFolder.resolve("classes"));
        Files.writeString(folder.resolve("Some.class"), "not really");

        assertEquals(Optional.empty(), newCache(folder.toString()).file());
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aTrainingRunThatFailsFallsBackToCdsAndLeavesNothing() throws IOException {
        String withoutTheWorker = jarClassPath.substring(jarClassPath.indexOf(File.pathSeparator) + 1);

        assertEquals(Optional.empty(), newCache(withoutTheWorker).file());
        try (Stream<Path> left = Files.list(cacheFolder)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private AotCache newCache(String classPath) {
        return new AotCache(cacheFolder, WorkerCommand.javaBinary(), WorkerCommand.FAST_START_OPTIONS, classPath);
    }

    /** {@code -XX:AOTMode=on} refuses to start with a cache it cannot use: the cache is whole and fits. */
    private static void assertWorkerStartsRequiringTheCache(Path file) throws InterruptedException {
        List<String> options = new ArrayList<>(WorkerCommand.FAST_START_OPTIONS);
        options.add("-XX:AOTCache=" + file);
        options.add("-XX:AOTMode=on");
        WorkerCommand command = WorkerCommand.of(WorkerCommand.javaBinary(), options, jarClassPath, WorkerMain.class.getName());
        Inbox inbox = new Inbox();
        try (ShutdownGuard guard = new ShutdownGuard("aot-test")) {
            WorkerProcess worker = WorkerProcess.start(command.command(), "aot-test-worker", inbox, line -> { }, guard);
            try {
                worker.send(1, new WorkOrder.RunUnits(new Batch("spawn", new Identity(), 10), 0, 10));
                WorkerEvent.Replied replied = assertInstanceOf(WorkerEvent.Replied.class,
                        inbox.next(Deadline.after(Duration.ofMinutes(1))), () -> worker.lostFailure().getMessage());
                assertEquals(new Reply.Result(1, 45), replied.reply());
            } finally {
                worker.shutdown(Duration.ofSeconds(10));
            }
            assertTrue(worker.endedNormally(), worker.stderrText());
        }
    }

    private static Path jar(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace(File.separatorChar, '/')));
                try (var in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
