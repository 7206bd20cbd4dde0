package org.concurrencybench.benchmarks.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.core.StartUpCache;

/**
 * A class data archive for the comparison's JMH forks (CDS): the classes a fork loads, JMH's, the
 * suite's and the models', kept in a file that every later fork maps at start instead of loading
 * them one by one from the jar. The JVM writes it itself ({@code -XX:+AutoCreateSharedArchive},
 * JDK 19 and later) when a fork exits and the file is missing, and maps it otherwise. A JVM runs
 * without an archive written for another class path and does not write it again, so the file is
 * named after the jar's size and time: a rebuilt jar costs one fork the writing of a new one,
 * and the old one is removed.
 *
 * <p>It is the start that gets shorter, not what is measured: measured on two cores, four forks
 * of one 100 ms iteration each took 5.0 to 5.3 s without it and 4.4 to 4.5 s with it (an
 * earlier measurement: 5.7 to 6.0 against 4.7 to 4.9 s), 0.16 to 0.25 s a fork, and a quick
 * comparison runs some two hundred forks. The classes
 * are the same classes and the compiler compiles them as before; the JDK maps its own classes
 * from an archive like this one by default.
 *
 * <p>None where the forks' class path has a folder in it (a run from build folders): the JVM
 * archives classes from jars only, and a fork asked to write an archive for such a class path
 * would fail as it exits. None where JMH is asked to run the forks on another JVM ({@code -jvm}),
 * whose version the archive might not match.
 */
final class ForkClassArchive {

    private final Optional<Path> file;
    private final String description;

    private ForkClassArchive(Optional<Path> file, String description) {
        this.file = file;
        this.description = description;
    }

    /** The archive for forks of this JVM with the class path {@code classPath}, kept in {@code folder}. */
    static ForkClassArchive of(Path folder, String classPath, boolean otherJvm) {
        if (otherJvm) {
            return none("the forks run on another JVM (-jvm)");
        }
        Optional<String> classFolder = StartUpCache.folderIn(classPath);
        if (classFolder.isPresent()) {
            return none("the class path holds the folder " + classFolder.get() + ", and the JVM archives classes from jars only");
        }
        Path file;
        try {
            Files.createDirectories(folder);
            file = folder.resolve(fileName(classPath));
            // this JDK's archives for other class paths (older builds of the jar): no fork will map them again
            StartUpCache.removeOthers(folder, prefix() + "*.jsa", file);
        } catch (IOException | SecurityException unwritable) {
            return none(folder + " could not be used (" + unwritable.getMessage() + ")");
        }
        return new ForkClassArchive(Optional.of(file), file + ", written by the first fork and mapped by the others");
    }

    /** The archive for this JVM's class path, in the suite's cache folder. */
    static ForkClassArchive forThisJvm(boolean otherJvm) {
        return of(StartUpCache.folder(), System.getProperty("java.class.path"), otherJvm);
    }

    private static ForkClassArchive none(String reason) {
        return new ForkClassArchive(Optional.empty(), "none: " + reason);
    }

    /**
     * {@code forks-<JDK version>-<hash>.jsa}, the hash over the JDK's home and each class path
     * entry with its size and time. The JVM writes an archive only where there is none, and
     * runs without one whose class path no longer matches, so a rebuilt jar needs a new name.
     */
    static String fileName(String classPath) throws IOException {
        return prefix() + StartUpCache.hash(List.of(System.getProperty("java.home")), classPath) + ".jsa";
    }

    private static String prefix() {
        return "forks-" + Runtime.version() + "-";
    }

    /**
     * The forks' JVM options: none when there is no archive. The JVM's notes on the classes it
     * leaves out of the archive as it writes it (JFR's event classes, ...) are left out of JMH's
     * output.
     */
    List<String> jvmArgs() {
        return file.map(path -> List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + path, "-Xlog:cds*=off")).orElse(List.of());
    }

    /** What the forks map at start, in words, for environment.json. */
    String describe() {
        return description;
    }
}
