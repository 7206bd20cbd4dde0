package org.concurrencybench.processes.parent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The last {@link #KEPT_BYTES} bytes a worker wrote to standard error. The stream is drained
 * on its own thread from the start: a worker that fills its stderr pipe would otherwise
 * block mid-unit. Only the tail is kept, so a chatty worker costs no more than this buffer.
 */
final class StderrTail {

    static final int KEPT_BYTES = 64 * 1024;

    /** Lines shown in an error message: the end of a stack trace, not the whole log. */
    static final int LINES_SHOWN = 30;

    private final byte[] ring = new byte[KEPT_BYTES];
    private long written;

    /** Starts a platform thread that copies {@code stderr} into {@code tail} until it ends. */
    static Thread drain(InputStream stderr, StderrTail tail, String threadName) {
        Thread drainer = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stderr) {
                int read;
                while ((read = stderr.read(buffer)) >= 0) {
                    tail.append(buffer, 0, read);
                }
            } catch (IOException closed) {
                // the worker is gone; what was read is the tail
            }
        }, threadName);
        drainer.setDaemon(true);
        drainer.start();
        return drainer;
    }

    synchronized void append(byte[] bytes, int offset, int length) {
        // of a write larger than the window, only its end is kept
        int skip = Math.max(0, length - KEPT_BYTES);
        written += skip;
        for (int i = offset + skip; i < offset + length; i++) {
            ring[(int) (written++ % KEPT_BYTES)] = bytes[i];
        }
    }

    /** Everything kept, oldest first; a line cut by the window's start is dropped. */
    synchronized String text() {
        int kept = (int) Math.min(written, KEPT_BYTES);
        byte[] bytes = new byte[kept];
        int start = (int) ((written - kept) % KEPT_BYTES);
        int firstPart = Math.min(kept, KEPT_BYTES - start);
        System.arraycopy(ring, start, bytes, 0, firstPart);
        System.arraycopy(ring, 0, bytes, firstPart, kept - firstPart);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (written > KEPT_BYTES) {
            int firstLineEnd = text.indexOf('\n');
            text = firstLineEnd < 0 ? text : text.substring(firstLineEnd + 1);
        }
        return text;
    }

    /** The last {@code lines} lines, for an error message. */
    String lastLines(int lines) {
        List<String> all = text().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
