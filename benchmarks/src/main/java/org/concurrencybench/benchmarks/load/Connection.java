package org.concurrencybench.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One of the generator's keep-alive connections and the single request it carries at a time
 * (requests are never pipelined). Only the generator's loop thread touches it.
 */
final class Connection {

    enum State {
        /** No socket: opened again when a request needs it. */
        CLOSED,
        /** Connecting; carries a request, or none while the run opens its connections. */
        CONNECTING,
        /** Connected, waiting for a request. */
        IDLE,
        /** Sending a request or reading its response. */
        BUSY
    }

    final ByteBuffer request;
    final ResponseParser parser = new ResponseParser();
    State state = State.CLOSED;
    SocketChannel channel;
    SelectionKey key;
    /** Whether a socket was ever opened for it, so that the next open is a reconnect. */
    boolean opened;

    /** Whether it carries a request; the fields below describe that request. */
    boolean carrying;
    long intendedNanoTime;
    /** Whether the request has been written (it may be waiting for its connection to open). */
    boolean written;
    long sentNanoTime;
    Tally tally;

    Connection(ByteBuffer request) {
        this.request = request;
    }
}
