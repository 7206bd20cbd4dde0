/**
 * The compare job: a plan of cells (model x workload x P x sizes), each its own JMH run with its
 * forks held to P cores, the results added to the output folder as each cell ends, a failed cell
 * recorded with its reason while the others go on, Ctrl-C ending the run with what finished,
 * then the report.
 *
 * With {@code --twins}, each in-JVM model's cell on spawn, tree and handoff is followed by its
 * bare twin's.
 *
 * <p>The Python models' cells run through the suite's Python harness instead of JMH, with the same
 * forks and iterations, and their records join jmh.json as JMH's do.
 *
 * <p>May import {@code common}, {@code jmh} (the benchmark of each workload and the JMH
 * defaults), {@code bare} (the twins' benchmarks), {@code python} (the Python models and their
 * harness), {@code report} (to write the report) and core.
 */
package org.concurrencybench.benchmarks.compare;
