package org.concurrencybench.core;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the suite keeps, between runs, what makes the JVMs it starts start sooner (the process
 * models' AOT cache, the JMH forks' class data archive), and which class paths the JDK can make
 * such a file for.
 */
public final class StartUpCache {

    private StartUpCache() {
    }

    /** {@code $XDG_CACHE_HOME/concurrency-bench}, or {@code ~/.cache/concurrency-bench}. */
    public static Path folder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("concurrency-bench");
    }

    /**
     * The first entry of {@code classPath} that is a folder with something in it (or one that
     * cannot be read): the JDK archives classes from jars only, and refuses to write a class data
     * archive or an AOT cache for a class path with such a folder ("Cannot have non-empty
     * directory in paths").
     */
    public static Optional<String> folderIn(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                    if (children.iterator().hasNext()) {
                        return Optional.of(entry);
                    }
                } catch (IOException unreadable) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }
}
