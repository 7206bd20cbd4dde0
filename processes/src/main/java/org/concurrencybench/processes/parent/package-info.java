/**
 * The parent's side of worker JVMs: their command line ({@link WorkerCommand}), one
 * worker's process, pipes and threads ({@link WorkerProcess}), and the two ways the models
 * use them, a pool of long-lived workers ({@link WorkerPool}) and one JVM per task
 * ({@link TaskJvms}); a pool's workers also serve HTTP together on one port
 * ({@link PoolServer}). It bounds every wait ({@link WorkerTimeouts}), checks that every unit's
 * bytes arrived, reports a worker that dies, hangs or answers garbage with its pid, exit
 * code and stderr, and kills what is left if the JVM exits ({@link ShutdownGuard}).
 *
 * <p>Uses {@code protocol}, and {@code shm} for the workers' payload regions. It knows the
 * worker only by the command line it is given, and nothing of the models or the AOT cache.
 */
package org.concurrencybench.processes.parent;
