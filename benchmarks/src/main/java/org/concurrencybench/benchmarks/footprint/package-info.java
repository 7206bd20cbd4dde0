/**
 * The footprint job: the memory each live task costs, for every model and N, each measured in a
 * JVM of its own ({@code FootprintChild}) against a baseline JVM with no tasks, written as
 * footprint.json, footprint.md and a chart. A model that holds each task in a thread or a timer
 * of its own is followed by its bare twin's way of holding them ({@code bare}), measured the
 * same way, so that the report can say what the model keeps per task besides.
 *
 * <p>May import {@code common}, {@code report} (the document, its renderers and the charts'
 * graphics), {@code bare} and core.
 */
package org.concurrencybench.benchmarks.footprint;
