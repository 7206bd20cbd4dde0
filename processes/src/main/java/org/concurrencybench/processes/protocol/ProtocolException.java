package org.concurrencybench.processes.protocol;

import java.io.IOException;

/** Bytes on a worker's pipe that are not a well-formed frame: the stream cannot be trusted after them. */
public final class ProtocolException extends IOException {

    public ProtocolException(String message) {
        super(message);
    }

    ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
