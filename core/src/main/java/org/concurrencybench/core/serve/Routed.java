package org.concurrencybench.core.serve;

/**
 * What {@link Router} makes of one request: a {@link UnitRequest} to compute, wait for and
 * answer with 200, or a {@link Refusal} to answer at once before the connection closes.
 */
public sealed interface Routed permits UnitRequest, Refusal {
}
