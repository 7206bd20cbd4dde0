/**
 * The JMH benchmarks: one class per workload of the catalog, what they share (the model from the
 * registry, the workload opened for the trial, every answer checked), the suite's JMH defaults,
 * and {@code WorkloadBenchmark}, which names the benchmark of each workload for the comparison
 * and the report.
 *
 * <p>May import {@code common} and core; no other package of the module. The benchmarks run in
 * JMH's forks, which know nothing of the command line or the report.
 */
package org.concurrencybench.benchmarks.jmh;
