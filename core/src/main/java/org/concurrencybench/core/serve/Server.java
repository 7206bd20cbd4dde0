package org.concurrencybench.core.serve;

import java.net.InetSocketAddress;

/**
 * A model's HTTP/1.1 server while it runs: bound to 127.0.0.1 and accepting from the moment
 * {@code ConcurrencyModel.serve} returns it, until {@link #close()}.
 */
public interface Server extends AutoCloseable {

    /** Where the server accepts connections: 127.0.0.1 and its port. */
    InetSocketAddress address();

    /**
     * Stops accepting, closes every connection (a request in progress is abandoned) and ends
     * every thread and process the server started, waiting for them. Idempotent.
     */
    @Override
    void close();
}
