package org.concurrencybench.processes.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A temporary folder for the files that worker processes map (payload regions, contention
 * counters): made in {@link #base()}, deleted with everything in it on {@link #close()}, and
 * by a shutdown hook if the JVM exits before that, so no mapped file outlives its model or
 * run.
 *
 * <p>On Linux the base is {@code /dev/shm}, the tmpfs where Python's
 * {@code multiprocessing.shared_memory} keeps its blocks: pages that never go to a disk. Where
 * there is none, {@code java.io.tmpdir}, whose pages the OS caches all the same;
 * {@value #DIRECTORY_PROPERTY} chooses another folder.
 */
public final class SharedFolder implements AutoCloseable {

    public static final String DIRECTORY_PROPERTY = "bench.shm.dir";

    private static final Path LINUX_SHARED_MEMORY = Path.of("/dev/shm");

    private final Path path;
    private final Thread hook;

    private SharedFolder(Path path, String name) {
        this.path = path;
        this.hook = new Thread(this::deleteAll, name + "-shared-files-hook");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A new folder named after {@code name} in {@link #base()}. */
    public static SharedFolder create(String name) {
        Path base = base();
        try {
            return new SharedFolder(Files.createTempDirectory(base, "concurrency-bench-" + name + "-"), name);
        } catch (IOException cannotMake) {
            throw new UncheckedIOException("could not make a folder for shared files in " + base + " (" + cannotMake
                    + "); -D" + DIRECTORY_PROPERTY + "=FOLDER chooses another", cannotMake);
        }
    }

    /** Where shared folders are made: {@value #DIRECTORY_PROPERTY}, else {@code /dev/shm}, else the temporary folder. */
    static Path base() {
        String chosen = System.getProperty(DIRECTORY_PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen.strip());
        }
        if (Files.isDirectory(LINUX_SHARED_MEMORY) && Files.isWritable(LINUX_SHARED_MEMORY)) {
            return LINUX_SHARED_MEMORY;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Path path() {
        return path;
    }

    /** A new empty file in the folder, {@code prefix<random>suffix}. */
    Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(path, prefix, suffix);
    }

    /** Deletes {@code file}; a file already gone is fine. A process that still maps it keeps its pages until it unmaps. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftBehind) {
            System.err.println("concurrency-bench: could not delete shared file " + file + ": " + leftBehind);
        }
    }

    /** Deletes the folder and everything in it, and drops the shutdown hook. */
    @Override
    public void close() {
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to, and deletes what is left
        }
    }

    private void deleteAll() {
        try (Stream<Path> files = Files.list(path)) {
            files.forEach(SharedFolder::delete);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException unreadable) {
            System.err.println("concurrency-bench: could not list shared folder " + path + ": " + unreadable);
        }
        try {
            Files.deleteIfExists(path);
        } catch (DirectoryNotEmptyException raced) {
            System.err.println("concurrency-bench: shared folder " + path + " got new files while it was deleted");
        } catch (IOException leftBehind) {
            System.err.println("concurrency-bench: could not delete shared folder " + path + ": " + leftBehind);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
