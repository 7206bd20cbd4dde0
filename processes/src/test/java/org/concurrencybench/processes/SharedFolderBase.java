package org.concurrencybench.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.Workload;
import org.concurrencybench.processes.shm.SharedFolder;

/**
 * Shared folders made in a folder of a test's own ({@value SharedFolder#DIRECTORY_PROPERTY}),
 * so the test sees what is left there.
 */
final class SharedFolderBase {

    private SharedFolderBase() {
    }

    /** Runs {@code workload} on {@code model} with its shared folders made in {@code base}; returns the answer. */
    static long run(Path base, ConcurrencyModel model, Workload workload) throws InterruptedException {
        String before = System.getProperty(SharedFolder.DIRECTORY_PROPERTY);
        System.setProperty(SharedFolder.DIRECTORY_PROPERTY, base.toString());
        try {
            return model.run(workload);
        } finally {
            if (before == null) {
                System.clearProperty(SharedFolder.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(SharedFolder.DIRECTORY_PROPERTY, before);
            }
        }
    }

    /** What is in {@code folder}. */
    static List<Path> filesIn(Path folder) throws IOException {
        try (var listing = Files.list(folder)) {
            return listing.toList();
        }
    }
}
