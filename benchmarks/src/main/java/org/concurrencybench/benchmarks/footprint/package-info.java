/**
 * The footprint job: the memory each live task costs, for every model and N, each measured in a
 * JVM of its own ({@code FootprintChild}) against a baseline JVM with no tasks, written as
 * footprint.json, footprint.md and a chart.
 *
 * <p>May import {@code common}, {@code report} (the document, its renderers and the charts'
 * graphics) and core.
 */
package org.concurrencybench.benchmarks.footprint;
