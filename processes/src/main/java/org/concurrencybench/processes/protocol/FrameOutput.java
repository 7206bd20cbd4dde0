package org.concurrencybench.processes.protocol;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One end of a pipe that frames are written to. Several threads write to it (the thread
 * running units prints output and replies, the order reader acknowledges cancels), so each
 * frame is written and flushed whole under one lock: frames never interleave, and a frame
 * never waits in a buffer while its reader waits for it.
 */
public final class FrameOutput implements Closeable {

    private final DataOutputStream out;

    public FrameOutput(OutputStream out) {
        this.out = new DataOutputStream(new BufferedOutputStream(out, 8192));
    }

    public synchronized void write(FrameType type, byte[] payload) throws IOException {
        Frames.write(out, type, payload);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
