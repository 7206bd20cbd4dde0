package org.concurrencybench.processes.aot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concurrencybench.core.StartUpCache;
import org.concurrencybench.processes.parent.WorkerCommand;
import org.concurrencybench.processes.worker.WorkerMain;

/**
 * An AOT cache for worker JVMs (JEP 483, made one step by JEP 514 in JDK 25): the classes a
 * worker loads and links, and the profiles of its methods, stored once in the user's cache
 * folder, so every later worker starts with them already there.
 *
 * <p>The file is named after the JDK and a hash of everything the JVM checks the cache
 * against (the JDK, the options, each class path entry with its size and time), so a rebuilt
 * jar gets a new cache rather than a rejected one, and the same JDK's caches for earlier builds
 * are deleted. It is built by one training run of a real
 * worker ({@link AotTraining}) into a temporary file that is then renamed atomically: a
 * reader sees no file or a whole one, and two JVMs building at once each rename a whole
 * file over the other. When the cache cannot be had, workers start with the JDK's default
 * CDS archive, and this is said once on stderr.
 *
 * <p>The JDK builds AOT caches only from jars ("Cannot have non-empty directory in paths"),
 * so a class path with build folders (tests, a run from {@code target/classes}) uses CDS.
 * {@value #PROPERTY}{@code =false} turns the cache off.
 */
public final class AotCache {

    static final String PROPERTY = "bench.worker.aot";

    /** The first JDK with {@code -XX:AOTCacheOutput}, which trains and writes the cache in one run. */
    private static final int FIRST_ONE_STEP_JDK = 25;

    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();
    private static AotCache forThisJvm;

    private final Path folder;
    private final Path javaBinary;
    private final List<String> options;
    private final String classPath;
    private Optional<Path> file;

    AotCache(Path folder, Path javaBinary, List<String> options, String classPath) {
        this.folder = folder;
        this.javaBinary = javaBinary;
        this.options = List.copyOf(options);
        this.classPath = classPath;
    }

    /** Workers running {@code mainClass} ({@link WorkerCommand#of(Class)}), with the cache when it is on and can be had. */
    public static WorkerCommand workerCommand(Class<?> mainClass) {
        WorkerCommand command = WorkerCommand.of(mainClass);
        if (!enabled()) {
            return command;
        }
        return forThisJvm().file().map(cache -> command.withOptions(List.of("-XX:AOTCache=" + cache))).orElse(command);
    }

    /** {@value #PROPERTY}: true unless set to false. */
    static boolean enabled() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(PROPERTY + " must be true or false, got '" + value + "'");
    }

    /** The cache for workers of this JVM, in the suite's {@link StartUpCache#folder()}. */
    private static synchronized AotCache forThisJvm() {
        if (forThisJvm == null) {
            forThisJvm = new AotCache(StartUpCache.folder(), WorkerCommand.javaBinary(), WorkerCommand.FAST_START_OPTIONS,
                    WorkerCommand.classPath());
        }
        return forThisJvm;
    }

    /** The cache file, built on first use; empty (said once on stderr) when it cannot be had. */
    synchronized Optional<Path> file() {
        if (file == null) {
            file = obtain();
        }
        return file;
    }

    private Optional<Path> obtain() {
        if (Runtime.version().feature() < FIRST_ONE_STEP_JDK) {
            return fallBack("JDK " + Runtime.version().feature() + " cannot write one in a single run (-XX:AOTCacheOutput "
                    + "came in JDK " + FIRST_ONE_STEP_JDK + ")");
        }
        Optional<String> folderEntry = StartUpCache.folderIn(classPath);
        if (folderEntry.isPresent()) {
            return fallBack("the class path holds the folder " + folderEntry.get()
                    + ", and the JDK builds AOT caches from jars only");
        }
        Path target;
        try {
            target = folder.resolve(fileName());
        } catch (IOException unreadable) {
            return fallBack("the class path could not be read (" + unreadable.getMessage() + ")");
        }
        if (Files.isRegularFile(target)) {
            removeOlderBuilds(target);
            return Optional.of(target);
        }
        Path temporary = folder.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(folder);
            AotTraining.run(WorkerCommand.of(javaBinary, options, classPath, WorkerMain.class.getName()), temporary);
            moveAtomically(temporary, target);
            removeOlderBuilds(target);
            return Optional.of(target);
        } catch (IOException | RuntimeException failed) {
            return fallBack("building " + target + " failed: " + failed.getMessage());
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** {@code <jdk version>-<hash>.aot}. */
    private String fileName() throws IOException {
        List<String> parts = new ArrayList<>(List.of(javaBinary.toAbsolutePath().toString(), Runtime.version().toString()));
        parts.addAll(options);
        return versionPrefix() + StartUpCache.hash(parts, classPath) + ".aot";
    }

    /** {@code 25.0.3-}: what this JDK's caches are named after first. */
    private static String versionPrefix() {
        return Runtime.version().version().stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElseThrow() + "-";
    }

    /**
     * Deletes this JDK's caches other than {@code kept}, the one in use: they were built for
     * earlier builds of the jar (a cache is about 15 MB, and every build of the jar gets its own),
     * and no worker will map them again. A cache that cannot be deleted is left.
     */
    private void removeOlderBuilds(Path kept) {
        try {
            StartUpCache.removeOthers(folder, versionPrefix() + "*.aot", kept);
        } catch (IOException leftBehind) {
            // an old cache in a cache folder harms nothing but the disk
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            throw new IOException("the file system of " + to.getParent() + " cannot rename atomically", notOnThisFileSystem);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException leftBehind) {
            // a stray temporary file in a cache folder harms nothing
        }
    }

    private static Optional<Path> fallBack(String reason) {
        if (FALLBACK_REPORTED.compareAndSet(false, true)) {
            System.err.println("concurrency-bench: worker JVMs start without an AOT cache, with the JDK's default CDS "
                    + "archive: " + reason);
        }
        return Optional.empty();
    }
}
