/**
 * The process models: {@code process-pool} and {@code process-pool-shm}
 * ({@link ProcessPoolModel}) and {@code process-per-task} ({@link ProcessPerTaskModel}),
 * found through core's ServiceLoader, with what only they use: the tree scheduled bottom-up
 * for per-task JVMs and the counter file of a contention run.
 *
 * <p>The models decide what each worker is sent and how the answers add up; the
 * sub-packages do the rest and import nothing from here. {@code parent} starts, feeds and
 * ends worker JVMs; {@code protocol} is what crosses their pipes; {@code worker} is the main
 * class they run; {@code shm} holds the files they map; {@code aot} gives them their
 * command line, with the start-up cache when it can.
 */
package org.concurrencybench.processes;
