/**
 * What crosses a worker's pipes: length-prefixed frames ({@link Frames}, {@link FrameType},
 * {@link FrameOutput}) and the codec of each kind, what the parent sends ({@link WorkOrder},
 * {@link Cancel}, {@link ServeOrder}, {@link StopServing}) and what a worker sends back
 * ({@link Hello}, {@link Reply}, {@link Delivery}, {@link ServingReport}). Bytes that are
 * not a well-formed frame are a {@link ProtocolException}.
 *
 * <p>An order also says how a worker runs it, so both sides share one definition of it.
 * Uses core's workloads and their codec, and {@code shm} where an order or a delivery points
 * into a mapped file; nothing of the parent's side or the worker's, which both build on it.
 */
package org.concurrencybench.processes.protocol;
