package org.concurrencybench.processes.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.concurrencybench.processes.protocol.FrameOutput;
import org.concurrencybench.processes.protocol.FrameType;

/**
 * A worker's {@code System.out}: each line a unit prints goes to the parent as one OUTPUT
 * frame, because the worker's real standard output carries the protocol. Lines, not bytes,
 * so the parent prints every line whole even when several workers print at once. A line
 * longer than {@link #LONGEST_LINE} bytes is sent in pieces.
 */
final class LineForwardingOutputStream extends OutputStream {

    static final int LONGEST_LINE = 64 * 1024;

    private final FrameOutput frames;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    LineForwardingOutputStream(FrameOutput frames) {
        this.frames = frames;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            sendLine();
        } else {
            line.write(b);
            if (line.size() >= LONGEST_LINE) {
                sendLine();
            }
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n' || line.size() + (i - start) >= LONGEST_LINE) {
                line.write(bytes, start, i - start);
                sendLine();
                start = bytes[i] == '\n' ? i + 1 : i;
            }
        }
        line.write(bytes, start, end - start);
    }

    /**
     * Sends what is left of an unfinished line; called before a reply, so everything an
     * order printed reaches the parent before its result does.
     */
    synchronized void sendPartialLine() throws IOException {
        if (line.size() > 0) {
            sendLine();
        }
    }

    private void sendLine() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        frames.write(FrameType.OUTPUT, length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }
}
