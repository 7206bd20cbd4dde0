/**
 * The models built on {@code java.util.concurrent}'s executors: {@code thread-pool} (a fixed pool
 * of P platform threads), {@code fork-join} ({@code ForkJoinPool(P)} with work stealing and
 * managed blocks), {@code completable-future} (stages over a fixed pool) and {@code async}
 * (futures that never hold a thread while they wait: timers, NIO.2 sockets and an asynchronous
 * mutex). Uses core alone. The pool lives as long as the model; a run tracks its own tasks so
 * that a failure or an interrupt cancels the rest and nothing of the run outlives it.
 *
 * <p>Each model serves the HTTP service of core's {@code serve} package: the three pool models
 * through one poller thread that hands each parsed request to a pool the server owns and ends
 * ({@code PollerServer}), async through NIO.2 completion handlers on its own pool and channel
 * group ({@code AsyncServer}).
 */
package org.concurrencybench.executors;
