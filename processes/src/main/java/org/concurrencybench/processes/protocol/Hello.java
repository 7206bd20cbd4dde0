package org.concurrencybench.processes.protocol;

import java.io.IOException;

/**
 * The HELLO frame, a worker's first, sent once it can take orders: a magic number, so a
 * reply stream that starts with anything else is known not to be a worker's, and the
 * worker's pid.
 */
public final class Hello {

    /** "CBW1". */
    private static final int MAGIC = 0x43425731;

    private Hello() {
    }

    /** The payload of the HELLO of the worker with pid {@code pid}. */
    public static byte[] payload(long pid) throws IOException {
        return Frames.payload(out -> {
            out.writeInt(MAGIC);
            out.writeLong(pid);
        });
    }

    /** Checks that {@code first}, the first frame of a reply stream, is a worker's HELLO. */
    public static void check(Frames.Frame first) throws ProtocolException {
        if (first.type() != FrameType.HELLO) {
            throw new ProtocolException("expected HELLO as its first frame, got " + first.type());
        }
        int magic = Frames.decode(first, in -> {
            int read = in.readInt();
            in.readLong();
            return read;
        });
        if (magic != MAGIC) {
            throw new ProtocolException(String.format("HELLO carries magic 0x%08x, expected 0x%08x", magic, MAGIC));
        }
    }
}
