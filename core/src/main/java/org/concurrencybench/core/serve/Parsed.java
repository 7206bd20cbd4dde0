package org.concurrencybench.core.serve;

/**
 * What {@link RequestParser} makes of one request: a well-formed {@link HttpRequest}, or a
 * {@link Refusal} after which the connection closes.
 */
public sealed interface Parsed permits HttpRequest, Refusal {
}
