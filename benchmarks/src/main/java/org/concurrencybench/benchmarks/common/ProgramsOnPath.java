package org.concurrencybench.benchmarks.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The programs a run starts by name (taskset, python3), found as a shell finds them: in the folders of PATH, in order. */
public final class ProgramsOnPath {

    private ProgramsOnPath() {
    }

    /** The first executable {@code program} in a folder of PATH; empty when there is none, or no PATH. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
    }
}
