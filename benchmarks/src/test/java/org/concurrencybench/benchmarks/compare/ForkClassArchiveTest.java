package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forks get an archive for a class path of jars, and none where the JVM could not write one. */
class ForkClassArchiveTest {

    @Test
    void aClassPathOfJarsGetsAnArchiveInTheCacheFolder(@TempDir Path temporary) throws IOException {
        Path jar = Files.createFile(temporary.resolve("benchmarks.jar"));
        Path folder = temporary.resolve("cache");

        ForkClassArchive archive = ForkClassArchive.of(folder, jar.toString(), false);

        List<String> options = archive.jvmArgs();
        assertEquals(3, options.size(), options.toString());
        assertEquals("-XX:+AutoCreateSharedArchive", options.get(0));
        assertTrue(options.get(1).startsWith("-XX:SharedArchiveFile=" + folder.resolve("forks-")), options.get(1));
        assertTrue(options.get(1).endsWith(".jsa"), options.get(1));
        assertEquals("-Xlog:cds*=off", options.get(2), "the archive's warnings as a fork writes it stay out of JMH's output");
        assertTrue(Files.isDirectory(folder), "the cache folder is made for the forks to write into");
    }

    @Test
    void aClassPathWithAFolderOfClassesGetsNone(@TempDir Path temporary) throws IOException {
        Path classes = Files.createDirectories(temporary.resolve("classes"));
        Files.createFile(classes.resolve("A.class"));
        Path jar = Files.createFile(temporary.resolve("lib.jar"));

        ForkClassArchive archive = ForkClassArchive.of(temporary.resolve("cache"), jar + File.pathSeparator + classes, false);

        assertEquals(List.of(), archive.jvmArgs());
        assertTrue(archive.describe().startsWith("none: the class path holds the folder " + classes), archive.describe());
    }

    @Test
    void forksOnAnotherJvmGetNone(@TempDir Path temporary) throws IOException {
        Path jar = Files.createFile(temporary.resolve("benchmarks.jar"));

        ForkClassArchive archive = ForkClassArchive.of(temporary.resolve("cache"), jar.toString(), true);

        assertEquals(List.of(), archive.jvmArgs());
        assertTrue(archive.describe().contains("another JVM"), archive.describe());
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneGoes(@TempDir Path temporary) throws IOException {
        Path jar = Files.createFile(temporary.resolve("benchmarks.jar"));
        Path folder = temporary.resolve("cache");
        Path first = archiveFile(ForkClassArchive.of(folder, jar.toString(), false));
        Files.writeString(first, "written by a fork");
        Path anotherJdks = Files.writeString(folder.resolve("forks-11.0.1-0123456789abcdef.jsa"), "another JDK's");

        Files.writeString(jar, "rebuilt");
        Path second = archiveFile(ForkClassArchive.of(folder, jar.toString(), false));

        assertNotEquals(first, second, "the JVM would run without the old archive and not write it again");
        assertFalse(Files.exists(first), "no fork maps the old build's archive again");
        assertTrue(Files.exists(anotherJdks), "another JDK's archive is that JDK's to replace");
    }

    private static Path archiveFile(ForkClassArchive archive) {
        String option = archive.jvmArgs().get(1);
        return Path.of(option.substring(option.indexOf('=') + 1));
    }
}
