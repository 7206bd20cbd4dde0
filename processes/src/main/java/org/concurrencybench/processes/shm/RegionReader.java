package org.concurrencybench.processes.shm;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.concurrencybench.core.Payload;

/**
 * The parent's side of one worker's payload region: the same file, mapped READ_ONLY (the
 * parent only checks what arrived, and a read-only mapping cannot scribble on it), from
 * which each unit's bytes are checksummed in place, without a copy.
 *
 * <p>Only the worker's reply reader uses it, one frame after another, so it needs no lock;
 * that reader reads a unit's bytes after the frame that announced them, which orders the
 * read after the worker's writes (see {@link RegionWriter}). When the worker's region has
 * grown past this mapping, the file is mapped anew at its current size.
 */
public final class RegionReader {

    private final Path file;
    private MappedByteBuffer mapped;

    private RegionReader(Path file) {
        this.file = file;
    }

    /** A new empty region file in {@code folder} for the worker {@code label}. */
    public static RegionReader create(SharedFolder folder, String label) throws IOException {
        return at(folder.newFile(label + "-", ".region"));
    }

    /** The region in {@code file}, which exists. */
    public static RegionReader at(Path file) {
        return new RegionReader(file);
    }

    public Path file() {
        return file;
    }

    /** The checksum of bytes {@code [offset, offset + length)} of the region, read where the worker wrote them. */
    public long checksum(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > Integer.MAX_VALUE) {
            throw new IOException("UNIT_REGION frame points at bytes [" + offset + ", " + (offset + length)
                    + ") of payload region " + file + ", outside any mapping");
        }
        if (mapped == null || offset + length > mapped.capacity()) {
            remap(offset + length);
        }
        return Payload.checksum(mapped.slice((int) offset, length));
    }

    private void remap(long needed) throws IOException {
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            if (size >= needed) {
                mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
                return;
            }
        } catch (IOException unreadable) {
            throw new IOException("payload region " + file + " could not be mapped: " + unreadable, unreadable);
        }
        throw new IOException("UNIT_REGION frame points at bytes up to " + needed + " of payload region " + file
                + ", which holds " + size);
    }

    /** Deletes the file once its worker has ended; this side's mapping goes when it is collected. */
    public void delete() {
        mapped = null;
        SharedFolder.delete(file);
    }
}
