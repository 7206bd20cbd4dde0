package org.concurrencybench.processes.protocol;

import java.io.IOException;
import org.concurrencybench.core.serve.Serve;

/**
 * The SERVE frame: the parent asks a worker to accept on {@code port} of 127.0.0.1, alongside
 * the other workers (SO_REUSEPORT), and to answer {@code serve}'s requests there until a
 * STOP_SERVING frame with the same {@code serverId}. The worker answers SERVING once it
 * accepts, or SERVE_FAILED with why not ({@link ServingReport}). The id tells one server
 * from another, so a late answer to one is never taken for the next's.
 */
public record ServeOrder(long serverId, int port, Serve serve) {

    public ServeOrder {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a worker serves on a port between 1 and 65535, got " + port);
        }
        if (serve == null) {
            throw new IllegalArgumentException("serve must not be null");
        }
    }

    public byte[] payload() throws IOException {
        return Frames.payload(out -> {
            out.writeLong(serverId);
            out.writeInt(port);
            out.writeLong(serve.work());
            out.writeLong(serve.delayMs());
            out.writeInt(serve.units());
        });
    }

    /** The order in a SERVE frame; fields a {@link Serve} refuses make the frame malformed. */
    public static ServeOrder decode(Frames.Frame frame) throws ProtocolException {
        if (frame.type() != FrameType.SERVE) {
            throw new ProtocolException(frame.type() + " is not a SERVE frame");
        }
        try {
            return Frames.decode(frame, in -> {
                long serverId = in.readLong();
                int port = in.readInt();
                return new ServeOrder(serverId, port, new Serve(in.readLong(), in.readLong(), in.readInt()));
            });
        } catch (IllegalArgumentException refused) {
            throw new ProtocolException("SERVE frame is malformed: " + refused.getMessage(), refused);
        }
    }
}
