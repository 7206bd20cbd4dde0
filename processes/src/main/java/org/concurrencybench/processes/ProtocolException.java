package org.concurrencybench.processes;

import java.io.IOException;

/** Bytes on a worker's pipe that are not a well-formed frame: the stream cannot be trusted after them. */
final class ProtocolException extends IOException {

    ProtocolException(String message) {
        super(message);
    }

    ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
