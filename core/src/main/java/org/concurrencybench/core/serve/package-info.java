/**
 * The HTTP/1.1 service every concurrency model serves, in pieces each model wires in its own
 * idiom, so that every server does the same work and speaks HTTP the same way.
 *
 * <p>{@code GET /unit/<i>} ({@link org.concurrencybench.core.serve.Serve}) counts the primes in
 * unit {@code i}'s slice by trial division, waits {@code delayMs} (the call to a database), and
 * answers {@code "<i> <count>\n"}. A request goes through
 * <ol>
 * <li>{@link org.concurrencybench.core.serve.RequestParser}: bytes to a request, or a refusal
 *     (400, 413, 431, 505);
 * <li>{@link org.concurrencybench.core.serve.Router}: a request to a unit, or a refusal (404, 405);
 * <li>{@link org.concurrencybench.core.serve.Serve#compute}: the slice, on the serving thread;
 * <li>the wait, the model's own business: a blocking sleep, a timer, a scheduled task;
 * <li>{@link org.concurrencybench.core.serve.Responses}: the bytes to write. After an error
 *     response, or one to a request that does not keep the connection alive, the server closes
 *     the connection as {@link org.concurrencybench.core.serve.BlockingConnection} describes.
 * </ol>
 * A load generator checks each body against
 * {@link org.concurrencybench.core.serve.Serve#expectedBodies()}, made by a sieve, not by the
 * server's trial division.
 *
 * <p>A blocking server (a thread per connection, a pool, virtual threads) hands each accepted
 * socket to {@link org.concurrencybench.core.serve.BlockingConnection}:
 * <pre>{@code
 * ServerSocket listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
 * Set<Socket> open = ConcurrentHashMap.newKeySet();
 * // the accept loop, on a thread of its own; accept() throws once close() closes the listener
 * while (true) {
 *     Socket socket = listener.accept();
 *     open.add(socket);
 *     executor.execute(() -> {            // or new Thread, or Thread.ofVirtual().start
 *         try {
 *             BlockingConnection.serve(socket, serve, Waiter.SLEEP);
 *         } finally {
 *             open.remove(socket);
 *         }
 *     });
 * }
 * // close(): close the listener and join the accept loop, then close every socket in open
 * // (a platform thread blocked in a read wakes only so), then shut the executor down and wait
 * }</pre>
 *
 * <p>An NIO server keeps a parser and a buffer per connection, and stops reading while a
 * request waits, so that pipelined requests are answered in order:
 * <pre>{@code
 * // readable: channel.read(buffer); buffer.flip(); then resume:
 * Parsed parsed = parser.next(buffer);
 * if (parsed == null) {                    // every byte read, no request complete yet
 *     buffer.clear();                      // and wait for readable again
 *     return;
 * }
 * switch (router.route(parsed)) {
 *     case UnitRequest request -> {
 *         long count = serve.compute(request.index());
 *         key.interestOps(0);
 *         timer.schedule(() -> write(key, Responses.ok(request, count)), serve.delayMs(), MILLISECONDS);
 *     }
 *     case Refusal refusal -> write(key, Responses.refusal(refusal)); // then linger and close
 * }
 * // written: keep-alive -> resume with the bytes still in buffer, which may hold the next
 * // request; otherwise shut down output, read until the client closes (at most
 * // BlockingConnection.LINGER_MS), close. Set TCP_NODELAY on every accepted channel.
 * }</pre>
 *
 * <p>The package depends on the JDK and core's workload classes alone. Every class but the
 * parser (one per connection) is immutable or stateless and may be shared by every thread.
 */
package org.concurrencybench.core.serve;
