package org.concurrencybench.processes.protocol;

import java.io.DataInputStream;
import java.io.IOException;

/** The CANCEL frame: the id of the order the parent asks a worker to stop. */
public final class Cancel {

    private Cancel() {
    }

    public static byte[] payload(long orderId) throws IOException {
        return Frames.payload(out -> out.writeLong(orderId));
    }

    public static long orderId(Frames.Frame frame) throws ProtocolException {
        return Frames.decode(frame, DataInputStream::readLong);
    }
}
