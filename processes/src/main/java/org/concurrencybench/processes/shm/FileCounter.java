package org.concurrencybench.processes.shm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.LockKind;
import org.concurrencybench.core.SharedCounter;

/**
 * The counter of a {@link Contention} shared by worker processes: a file that every worker
 * maps, the cross-process counterpart of core's {@link SharedCounter}. Stripe {@code s} is
 * the long at byte {@code s * }{@value #STRIDE}, two cache lines from its neighbours as in
 * core.
 *
 * <ul>
 *   <li><b>synchronized</b> and <b>reentrant</b> both become what processes have: an
 *       exclusive {@link FileChannel#lock(long, long, boolean) FileChannel lock} on the
 *       stripe's eight bytes (a POSIX record lock, {@code fcntl(F_SETLKW)}, on Linux), held
 *       around the read, the increment and the write, with the {@code holdMs} wait inside.
 *       The value is read and written with volatile access, so it is in memory before
 *       the lock is released, whatever the JIT makes of the native unlock call.</li>
 *   <li><b>atomic</b> is {@link VarHandle#getAndAdd} through
 *       {@link MethodHandles#byteBufferViewVarHandle} on the mapping: a locked add on the
 *       page both processes map, atomic across processes on one machine. The VarHandle
 *       refuses atomic access to a misaligned long; a mapping starts on a page and stripes
 *       are {@value #STRIDE} bytes apart, so every stripe is aligned.</li>
 * </ul>
 *
 * <p>A record lock belongs to the process, not to a thread or a channel, and the JVM throws
 * {@link java.nio.channels.OverlappingFileLockException} for a second lock on the same bytes
 * in one JVM; so a worker process runs its contention workers one after another on one
 * thread (a pool worker takes one task at a time, like a Python pool worker), and the
 * locking is between processes. POSIX also drops every lock a process holds on a file when
 * any descriptor of that file is closed in it: a worker opens the counter once per order
 * and nothing else in it opens the file.
 */
public final class FileCounter implements AutoCloseable {

    /** Bytes between stripes: 128, two cache lines, against false sharing and the adjacent-line prefetch. */
    static final int STRIDE = 128;

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Path file;
    private final Contention contention;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;

    private FileCounter(Path file, Contention contention, FileChannel channel, MappedByteBuffer mapped) {
        this.file = file;
        this.contention = contention;
        this.channel = channel;
        this.mapped = mapped;
    }

    /** Bytes of the counter file of {@code contention}. */
    static long size(Contention contention) {
        return (long) contention.locks() * STRIDE;
    }

    /** Makes a zeroed counter file for {@code contention} in {@code folder}; in the parent, before any worker starts. */
    public static Path create(SharedFolder folder, Contention contention) throws IOException {
        Path file = folder.newFile(contention.name() + "-", ".counter");
        try (RandomAccessFile zeroed = new RandomAccessFile(file.toFile(), "rw")) {
            zeroed.setLength(size(contention));
        }
        return file;
    }

    /** Maps the counter in {@code file}, which the parent made for {@code contention}. */
    public static FileCounter open(Path file, Contention contention) throws IOException, InterruptedException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = channel.size();
            if (size != size(contention)) {
                throw new IOException("counter file " + file + " holds " + size + " bytes, expected " + size(contention)
                        + " for " + contention.locks() + " stripes of " + STRIDE);
            }
            return new FileCounter(file, contention, channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, size));
        } catch (ClosedByInterruptException interrupted) {
            throw cancelled(interrupted);
        } catch (IOException | RuntimeException failed) {
            if (channel != null) {
                channel.close();
            }
            throw failed;
        }
    }

    /** Worker {@code worker}: its {@code updates} increments of its stripe, one after another. */
    public void work(int worker) throws InterruptedException {
        int offset = contention.stripeOf(worker) * STRIDE;
        for (int update = 0; update < contention.updates(); update++) {
            if (contention.lock() == LockKind.ATOMIC) {
                LONGS.getAndAdd(mapped, offset, 1L);
            } else {
                incrementLocked(offset);
            }
        }
    }

    private void incrementLocked(int offset) throws InterruptedException {
        try (FileLock held = channel.lock(offset, Long.BYTES, false)) {
            long value = (long) LONGS.getVolatile(mapped, offset);
            LONGS.setVolatile(mapped, offset, value + 1);
            if (contention.holdMs() > 0) {
                Thread.sleep(contention.holdMs());
            }
        } catch (ClosedByInterruptException | FileLockInterruptionException interrupted) {
            throw cancelled(interrupted);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not lock the stripe at byte " + offset + " of counter file " + file
                    + ": " + failed.getMessage(), failed);
        }
    }

    /** The sum of the stripes: read it only after every worker has ended. */
    public long total() {
        long total = 0;
        for (int stripe = 0; stripe < contention.locks(); stripe++) {
            total += (long) LONGS.getVolatile(mapped, stripe * STRIDE);
        }
        return total;
    }

    /** Closes the file; the mapping stays valid until it is collected, and the file's locks go with the channel. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** An interrupted file operation closes its channel; it is still a cancellation. */
    private static InterruptedException cancelled(IOException interrupted) {
        InterruptedException cancelled = new InterruptedException("interrupted while using a counter file");
        cancelled.initCause(interrupted);
        return cancelled;
    }
}
