/**
 * The suite's vocabulary: workloads with answers known without running any model, the
 * {@link org.concurrencybench.core.ConcurrencyModel} SPI every model implements, and the
 * registry that finds models by id. Depends on the JDK alone.
 *
 * <ul>
 *   <li>A {@link org.concurrencybench.core.Workload} is sealed: a {@link org.concurrencybench.core.Batch}
 *       of independent units (each a {@link org.concurrencybench.core.Kernel}, itself sealed), a
 *       {@link org.concurrencybench.core.Tree}, a {@link org.concurrencybench.core.Relay} or a
 *       {@link org.concurrencybench.core.Contention}. {@link org.concurrencybench.core.Workloads} is the
 *       catalog of named workloads with their parameters, defaults and explanations.</li>
 *   <li>{@link org.concurrencybench.core.AbstractConcurrencyModel} checks every run and dispatches to
 *       one abstract method per kind, so a new kind fails the build until every model answers it.</li>
 *   <li>A model registers through a {@link org.concurrencybench.core.ModelProvider} (usually an
 *       {@link org.concurrencybench.core.AbstractModelProvider}) listed for
 *       {@link java.util.ServiceLoader}; its {@link org.concurrencybench.core.ModelDescription} says how it
 *       runs each workload and which {@link org.concurrencybench.core.ModelTrait}s it has, so commands and
 *       reports need no list of models.</li>
 *   <li>Budgets that every model's limits share: {@link org.concurrencybench.core.DescriptorBudget} for
 *       sockets, and the heap budget for tasks held alive at once.</li>
 *   <li>The contract test in this module's test-jar, {@code ConcurrencyModelContractTest}, is extended
 *       once by every model module.</li>
 * </ul>
 */
package org.concurrencybench.core;
