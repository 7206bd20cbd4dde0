package org.concurrencybench.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.concurrencybench.core.Contention;
import org.concurrencybench.processes.parent.RunFailures;
import org.concurrencybench.processes.shm.FileCounter;
import org.concurrencybench.processes.shm.RegionWriter;
import org.concurrencybench.processes.shm.SharedFolder;

/**
 * The parent's side of one contention run across processes: a {@link FileCounter} file in a
 * folder of its own, made before any worker starts, read once every worker has ended, and
 * deleted with the folder when the run ends (or by the folder's shutdown hook).
 *
 * <p>The parent reads the total after the last worker's reply, and every worker wrote its
 * increments before it replied: the pipe orders the reads after the writes, as for a
 * payload region ({@link RegionWriter}).
 */
final class ContentionFile implements AutoCloseable {

    private final Contention contention;
    private final SharedFolder folder;
    private final Path file;

    private ContentionFile(Contention contention, SharedFolder folder, Path file) {
        this.contention = contention;
        this.folder = folder;
        this.file = file;
    }

    /**
     * A zeroed counter for {@code contention}, in a new folder named after {@code modelId}; a
     * folder or file that cannot be made fails the run.
     */
    static ContentionFile create(String modelId, Contention contention) {
        try {
            SharedFolder folder = SharedFolder.create(modelId + "-" + contention.name());
            try {
                return new ContentionFile(contention, folder, FileCounter.create(folder, contention));
            } catch (IOException cannotMake) {
                folder.close();
                throw new UncheckedIOException("could not make the counter file of " + contention.describe() + " in "
                        + folder + ": " + cannotMake, cannotMake);
            }
        } catch (UncheckedIOException cannotMake) {
            throw RunFailures.failed(modelId, contention, cannotMake);
        }
    }

    /** The file the workers map. */
    Path file() {
        return file;
    }

    /** The counter's total: read it only after every worker has ended. */
    long total() throws InterruptedException {
        try (FileCounter counter = FileCounter.open(file, contention)) {
            return counter.total();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("could not read the counter file " + file + ": " + unreadable, unreadable);
        }
    }

    /** Deletes the file and its folder. */
    @Override
    public void close() {
        folder.close();
    }
}
