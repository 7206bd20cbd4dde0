/**
 * An open-loop HTTP/1.1 load generator, the client side of the server benchmark: it sends
 * {@code GET /unit/<i>} to a server on this machine at a fixed rate (evenly spaced, or Poisson
 * arrivals from a seeded random source), checks every response against the body the caller says
 * unit i must have, and measures each request's latency from its intended start as well as from
 * its actual send, in HdrHistogram histograms, so that a server which stalls is charged for every
 * request it delayed. It also measures its own top rate against a server that does no work.
 *
 * <ul>
 *   <li>{@link org.concurrencybench.benchmarks.load.LoadGenerator} runs one load: settings in
 *       {@link org.concurrencybench.benchmarks.load.LoadSettings}, a
 *       {@link org.concurrencybench.benchmarks.load.LoadResult} out.</li>
 *   <li>{@link org.concurrencybench.benchmarks.load.NullHttpServer} answers at once;
 *       {@link org.concurrencybench.benchmarks.load.GeneratorCapacity} finds the generator's top
 *       rate against it.</li>
 *   <li>{@link org.concurrencybench.benchmarks.load.LoadGeneratorMain} runs the generator in a JVM
 *       of its own and writes the result as JSON and HdrHistogram {@code .hgrm} text.</li>
 *   <li>{@link org.concurrencybench.benchmarks.load.LoadSweep} is the {@code bench load} job: for
 *       every model and P a {@link org.concurrencybench.benchmarks.load.ServerMain} JVM held to P
 *       cores as compare holds its forks, for every offered rate ({@link org.concurrencybench.benchmarks.load.LoadPlan})
 *       a generator JVM, the server's CPU time and peak RSS from {@code /proc}, then load.json,
 *       the .hgrm files, load.md, load.html and a chart per P.</li>
 * </ul>
 *
 * <p>What it may use: the JDK (NIO selectors, platform threads), {@code org.concurrencybench.core}
 * for argument checks, the descriptor budget, the service's sizes and expected bodies, and (in the
 * server JVM and the job alone) the models by id, HdrHistogram for latencies, Gson for JSON,
 * {@code common} (atomic writes, the environment), {@code compare} (how a JVM is held to P cores)
 * and {@code report} (the document, its renderers and the charts' graphics); never {@code cli}.
 * The generator itself uses no model: what a correct answer is comes from its caller, as an
 * {@code IntFunction<byte[]>} from unit index to body. It connects to loopback addresses only
 * (127.0.0.0/8, ::1, localhost), refuses any other host before opening a socket and never looks
 * a name up; every run is bounded in time and leaves no thread or socket behind.
 */
package org.concurrencybench.benchmarks.load;
