package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up caches share: naming a file after a class path, and clearing the ones no JVM will map again. */
class StartUpCacheTest {

    @TempDir
    Path folder;

    @Test
    void removeOthersDeletesTheMatchingFilesButTheKeptOne() throws IOException {
        Path kept = Files.writeString(folder.resolve("forks-25-aaaa.jsa"), "in use");
        Files.writeString(folder.resolve("forks-25-bbbb.jsa"), "an older build's");
        Path otherJdk = Files.writeString(folder.resolve("forks-21-cccc.jsa"), "another JDK's");
        Path otherKind = Files.writeString(folder.resolve("25-dddd.aot"), "a worker cache");

        StartUpCache.removeOthers(folder, "forks-25-*.jsa", kept);

        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(otherJdk, kept, otherKind).stream().sorted().toList(), left.sorted().toList());
        }
    }

    @Test
    void aRebuiltJarGetsAnotherHash() throws IOException {
        Path jar = Files.writeString(folder.resolve("app.jar"), "first build");
        String first = StartUpCache.hash(List.of("jdk"), jar.toString());

        assertEquals(first, StartUpCache.hash(List.of("jdk"), jar.toString()), "the same jar, the same name");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));
        assertNotEquals(first, StartUpCache.hash(List.of("jdk"), jar.toString()), "a rebuilt jar, another name");
    }
}
