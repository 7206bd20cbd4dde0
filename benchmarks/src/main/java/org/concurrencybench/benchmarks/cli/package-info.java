/**
 * The {@code bench} command line: {@link org.concurrencybench.benchmarks.cli.Bench}, the entry
 * point, and one class per command (list, verify, demo, compare, report, footprint, serve, load), each of
 * which reads its options, checks them before anything runs and hands the work to its job. Here
 * too is what only the commands need: the output folder a command writes into and its default
 * under {@code results/}, and {@code System.out} sent to the demo's writer.
 *
 * <p>On top of the module: it may import every other package of it (the jobs and
 * {@code common}) and core. No other package imports it; a job returns its
 * {@link org.concurrencybench.benchmarks.common.ExitCode} and throws IllegalArgumentException
 * for a usage error, and the command line turns both into the process's exit.
 *
 * <p>The layers, each importing only those below it: {@code cli}; then {@code load}; then
 * {@code compare} and {@code footprint}; then {@code report}; then {@code jmh} and {@code verify}; then
 * {@code common}. {@code ArchitectureTest} holds them to it.
 */
package org.concurrencybench.benchmarks.cli;
