/**
 * What several packages of the module share: the exit codes, text tables for the console, files
 * written atomically, what became of a measurement ({@code CellOutcome}), the machine and JVM a
 * run was measured on ({@code environment.json} and its probe), the suite's version, a results
 * file that cannot be read, and the command line's choices (models, workloads, P, sizes) with the
 * warning for a P beyond the processors, which compare's profiles read too, the programs a run
 * starts found on PATH, how a JVM the suite started holds itself to its CPUs, and how a fork
 * writes its young generation through before it measures.
 *
 * <p>At the bottom of the module: it imports core and libraries, and no other package of the
 * module, so that every package may import it.
 */
package org.concurrencybench.benchmarks.common;
