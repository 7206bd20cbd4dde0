package org.concurrencybench.core.serve;

/**
 * A request for unit {@code index}: compute its slice ({@link Serve#compute}), wait
 * {@link Serve#delayMs()}, then write {@link Responses#ok}.
 *
 * @param index     the unit, {@code 0 <= index < units}
 * @param head      a HEAD request: the same work and headers, no body
 * @param keepAlive whether the connection stays open after the response
 */
public record UnitRequest(int index, boolean head, boolean keepAlive) implements Routed {
}
