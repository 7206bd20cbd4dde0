package org.concurrencybench.core;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the suite keeps, between runs, what makes the JVMs it starts start sooner (the process
 * models' AOT cache, the JMH forks' class data archive), which class paths the JDK can make
 * such a file for, and what to name one after.
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

    /**
     * A short hex hash of {@code parts} and of each entry of {@code classPath} with its size and
     * time: what a JVM checks an archive of classes against, so that a file named after it is
     * new for a rebuilt jar.
     */
    public static String hash(List<String> parts, String classPath) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("every JDK has SHA-256", required);
        }
        List<String> all = new ArrayList<>(parts);
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            all.add(path.toString());
            if (Files.exists(path)) {
                all.add(Files.size(path) + "@" + Files.getLastModifiedTime(path).toMillis());
            }
        }
        for (String part : all) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /**
     * Deletes the files of {@code folder} that match {@code glob} other than {@code kept}: what a
     * cache leaves behind for an earlier build of the jar, which no JVM will map again. Files
     * that vanish meanwhile are no matter.
     */
    public static void removeOthers(Path folder, String glob, Path kept) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
            for (Path file : files) {
                if (!file.equals(kept)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
