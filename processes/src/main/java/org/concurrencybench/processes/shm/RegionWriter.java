package org.concurrencybench.processes.shm;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.concurrencybench.core.Payload;

/**
 * A worker's side of its payload region: a file the parent made, mapped READ_WRITE, into
 * which the worker fills each unit's bytes directly ({@link Payload#fill} takes the mapped
 * buffer) and then tells the parent only where they are, in a UNIT_REGION frame. The Java
 * counterpart of a Python worker writing into a {@code multiprocessing.shared_memory} block.
 *
 * <p>Reuse: every order starts at offset 0, and its units follow one another. That is safe
 * because the parent reads every unit of an order before it sends the worker its next one;
 * within an order no two units share a byte.
 *
 * <p>Growth: an order that needs more than the mapping holds maps the file anew at that size,
 * which extends the file (a larger payload or chunk), and the mapping is kept for later
 * orders. The file only grows while its worker lives, so bytes the parent has been told of
 * stay in place. A failed check of the free space is an error that says so, rather than the
 * bus error of touching a page the file system cannot back.
 *
 * <p>Order of the writes and the parent's reads: {@link #put} has put the bytes before the
 * frame that announces them is written to the pipe, and the parent reads them after it has
 * read that frame. The pipe's write and read are system calls, which the JIT does not move
 * memory accesses across, and the kernel hands the frame over under its own lock with the
 * barriers that implies, so the bytes are in the shared pages before the parent can know
 * where they are: the same publication as a Python process that fills a shared block and
 * then puts its name on a queue.
 */
public final class RegionWriter {

    private final Path file;
    private MappedByteBuffer mapped;
    private int cursor;

    public RegionWriter(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Starts an order whose units need {@code bytes} in all: back to offset 0, with room for them. */
    public void begin(long bytes) throws IOException {
        cursor = 0;
        ensureRoom(bytes);
    }

    /** Fills unit {@code unit}'s {@code size} bytes at the next free offset and returns that offset. */
    public int put(int unit, int size) throws IOException {
        int offset = cursor;
        ensureRoom((long) offset + size);
        Payload.fill(unit, mapped.slice(offset, size));
        cursor = offset + size;
        return offset;
    }

    private void ensureRoom(long needed) throws IOException {
        if (mapped != null && needed <= mapped.capacity()) {
            return;
        }
        if (needed > Integer.MAX_VALUE) {
            throw new IOException("an order needs " + needed + " bytes of payload region " + file + "; a mapping holds at most "
                    + Integer.MAX_VALUE);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long growth = needed - channel.size();
            long free = Files.getFileStore(file).getUsableSpace();
            if (growth > free) {
                throw new IOException("payload region " + file + " must grow by " + growth + " bytes, but its file system has "
                        + free + " free; -D" + SharedFolder.DIRECTORY_PROPERTY + "=FOLDER on the parent chooses another");
            }
            // the mapping outlives the channel; the one it replaces is unmapped when collected
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, needed);
        }
    }
}
