/**
 * Two models that start no pool: {@code threads}, a platform thread per task started and joined
 * by hand (the notebook's {@code threading.Thread}), and {@code sequential}, every unit in turn
 * on the calling thread, the baseline row of every table. Uses core alone; each model is one
 * class with its nested provider, listed in {@code META-INF/services}.
 */
package org.concurrencybench.threads;
