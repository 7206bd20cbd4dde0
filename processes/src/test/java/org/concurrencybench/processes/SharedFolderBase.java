package org.concurrencybench.processes;

import java.nio.file.Path;
import org.concurrencybench.processes.shm.SharedFolder;

/**
 * Points {@value SharedFolder#DIRECTORY_PROPERTY}, where shared folders are made, at a folder
 * of a test's own while an action runs, so the test sees what is left there.
 */
final class SharedFolderBase {

    private SharedFolderBase() {
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static void in(Path base, Action action) throws Exception {
        String before = System.getProperty(SharedFolder.DIRECTORY_PROPERTY);
        System.setProperty(SharedFolder.DIRECTORY_PROPERTY, base.toString());
        try {
            action.run();
        } finally {
            if (before == null) {
                System.clearProperty(SharedFolder.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(SharedFolder.DIRECTORY_PROPERTY, before);
            }
        }
    }
}
