/**
 * The {@code virtual} model: a virtual thread per task on the JVM's one virtual-thread scheduler,
 * whose carriers are set per JVM (Java 21 gives an executor no carriers of its own). Uses core
 * alone.
 */
package org.concurrencybench.virtual;
