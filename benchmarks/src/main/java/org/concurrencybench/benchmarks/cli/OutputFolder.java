package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The folder a command writes its results into, made ready before anything runs: a place that
 * is a file, or where the folder cannot be made or written, is a usage error that says which
 * (exit code 2), instead of a failure after minutes of measuring. A command checks it after its
 * other options, so that a typo elsewhere leaves no folder behind.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * {@code folder}, created if it does not exist and checked to be writable.
     *
     * @param given whether {@code --out} named it; the messages name the option then, and point
     *              at it otherwise
     */
    static Path ready(Path folder, boolean given) {
        String named = given ? "--out " + folder : "the output folder " + folder;
        String remedy = given ? "" : "; choose another with --out";
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(existing.equals(folder.toAbsolutePath())
                    ? named + " is a file, not a folder" + remedy
                    : named + ": " + existing + " is a file, not a folder" + remedy);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException cannotCreate) {
            throw new IllegalArgumentException(named + ": cannot create the folder (" + reason(cannotCreate) + ")" + remedy,
                    cannotCreate);
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(named + ": cannot write in the folder (permission denied)" + remedy);
        }
        return folder;
    }

    /** What the file system said, in its own words where it gave them. */
    private static String reason(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(Locale.ROOT);
        }
        return failure.toString();
    }
}
