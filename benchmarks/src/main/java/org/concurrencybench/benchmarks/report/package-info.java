/**
 * The report job: JMH's results read back with the run record and environment beside them, one
 * or several runs and a baseline built into one {@code Document}, written as Markdown, HTML and
 * charts, and shown on the console. The document and its renderers serve the footprint job's
 * results too.
 *
 * <p>May import {@code common}, {@code jmh} (which benchmark measures which workload, and its
 * declared sizes), {@code bare} (which results are bare twins', and what each twin is), {@code python}
 * (what the Python models say of themselves) and core.
 */
package org.concurrencybench.benchmarks.report;
