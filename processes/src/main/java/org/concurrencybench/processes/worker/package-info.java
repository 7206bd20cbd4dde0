/**
 * The worker JVM. {@link WorkerMain} is the main class on every worker's command line;
 * {@link WorkerLoop} greets the parent, runs its orders one at a time and answers each, and
 * stops a running unit when its order is cancelled; {@link WorkerServer} is its share of a
 * server that all the workers accept for on one port. What a unit prints goes to the parent in
 * OUTPUT frames, because standard output carries the protocol.
 *
 * <p>Uses {@code protocol}, and {@code shm} for the payload region its units fill; nothing of
 * the parent's side, which runs in another process.
 */
package org.concurrencybench.processes.worker;
