/**
 * The Python models: CPython's threads, thread pool, process pools, process per task and asyncio
 * running the catalog's workloads, measured by the suite's own Python harness (in
 * {@code src/main/python}, packaged into the jar as resources) rather than by JMH. Here are their
 * catalog ({@code PythonModels}: ids, descriptions, the default run's small set), the
 * interpreter found on the PATH ({@code Python}), the package extracted for a run
 * ({@code PythonPackage}) and the harness run for one cell ({@code PythonHarness}), whose
 * records are shaped like JMH's so that the report reads them unchanged.
 *
 * <p>May import {@code common} and core; no other package of the module.
 */
package org.concurrencybench.benchmarks.python;
