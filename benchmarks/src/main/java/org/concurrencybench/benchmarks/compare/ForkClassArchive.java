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
 * JDK 19 and later) when a fork exits and the file is missing or was written for another class
 * path, and uses it otherwise, so a rebuilt jar only costs one fork the writing.
 *
 * <p>It is the start that gets shorter, not what is measured: measured on two cores, four forks
 * of one 100 ms iteration each took 5.7 to 6.0 s without it and 4.7 to 4.9 s with it, about a
 * quarter of a second a fork, and a quick comparison runs some two hundred forks. The classes
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
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException unwritable) {
            return none(folder + " could not be made (" + unwritable.getMessage() + ")");
        }
        Path file = folder.resolve(fileName());
        return new ForkClassArchive(Optional.of(file), file + ", written by the first fork and mapped by the others");
    }

    /** The archive for this JVM's class path, in the suite's cache folder. */
    static ForkClassArchive forThisJvm(boolean otherJvm) {
        return of(StartUpCache.folder(), System.getProperty("java.class.path"), otherJvm);
    }

    private static ForkClassArchive none(String reason) {
        return new ForkClassArchive(Optional.empty(), "none: " + reason);
    }

    /** {@code forks-<JDK version>-<hash of its home>.jsa}: one file per JDK, so two JDKs do not rewrite each other's. */
    private static String fileName() {
        return "forks-" + Runtime.version() + "-" + Integer.toHexString(System.getProperty("java.home").hashCode()) + ".jsa";
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
