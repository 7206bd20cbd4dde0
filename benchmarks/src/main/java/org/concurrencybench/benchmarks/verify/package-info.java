/**
 * The verify job: every selected model x workload x P run once in this JVM, each answer checked
 * against the one the workload expects, the table printed a row as each run ends, and its
 * summary with the exit code.
 *
 * <p>May import {@code common} and core; no other package of the module.
 */
package org.concurrencybench.benchmarks.verify;
