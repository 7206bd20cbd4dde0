/**
 * The bare twins: each in-JVM model's idiom for spawn, tree and handoff written the plain way,
 * without the suite's bookkeeping (no run tracker, no failure plumbing, no interrupt handling, no
 * thread names), measured by JMH benchmarks of their own at the same sizes, P and settings as the
 * models, every answer checked the same way. A model's figure divided by its twin's is what the
 * suite's way of running the idiom costs; the report shows it for spawn, tree and handoff.
 *
 * <p>The twins of the models that hold each task in a thread or a timer of its own also hold
 * tasks the plain way ({@link BareHold}): N of them started
 * and kept in a list, for {@code bench footprint} to measure beside the model.
 *
 * <p>A twin's id is {@code bare-} and its model's id; {@link BareTwin} alone maps one to the
 * other. May import {@code jmh} (the JMH defaults and the answer check) and core.
 */
package org.concurrencybench.benchmarks.bare;
