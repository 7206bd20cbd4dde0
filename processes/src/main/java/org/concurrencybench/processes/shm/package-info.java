/**
 * Files that worker processes and their parent map at once: the temporary folder they live
 * in ({@link SharedFolder}, in {@code /dev/shm} where there is one), a worker's payload
 * region, filled by the worker ({@link RegionWriter}) and checksummed in place by the parent
 * ({@link RegionReader}), and the counter a contention run's workers update
 * ({@link FileCounter}).
 *
 * <p>Only making, mapping, filling and reading files: which frame announces what is
 * {@code protocol}'s business. Uses core alone.
 */
package org.concurrencybench.processes.shm;
