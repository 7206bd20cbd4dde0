package org.concurrencybench.processes.protocol;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * The STOP_SERVING frame: the id of the server whose listener and connections a worker
 * closes. The worker answers SERVING_STOPPED once they are closed, also for a server it
 * does not know (one whose SERVE failed), so the parent's wait always ends.
 */
public final class StopServing {

    private StopServing() {
    }

    public static byte[] payload(long serverId) throws IOException {
        return Frames.payload(out -> out.writeLong(serverId));
    }

    public static long serverId(Frames.Frame frame) throws ProtocolException {
        return Frames.decode(frame, DataInputStream::readLong);
    }
}
