/**
 * The AOT cache worker JVMs start with on JDK 25 and later: where it is kept, what it is
 * keyed by, and the training run that writes it ({@link AotTraining}), in which a real worker
 * is sent one order of every kind. The models get their workers' command line from
 * {@link AotCache#workerCommand}, which adds the cache unless it is switched off or cannot
 * be had.
 *
 * <p>Uses {@code parent} to run the training worker, {@code protocol} and {@code shm} for its
 * orders, and {@code worker} for the main class it trains; none of those uses this package.
 */
package org.concurrencybench.processes.aot;
