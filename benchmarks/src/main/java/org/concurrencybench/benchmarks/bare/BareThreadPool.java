package org.concurrencybench.benchmarks.bare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;

/**
 * {@code Executors.newFixedThreadPool(P)}: a batch is {@code submit} per unit and
 * {@code Future.get} in submission order. A pool thread must not wait for another task, so a
 * tree node executes its children, which report their sums upward, and a hop is a task that
 * executes the next hop; only the caller waits, on one future.
 */
final class BareThreadPool implements BareIdiom {

    private final ExecutorService pool;

    BareThreadPool(int parallelism) {
        pool = Executors.newFixedThreadPool(parallelism);
    }

    @Override
    public long batch(Batch batch) throws InterruptedException, ExecutionException {
        List<Future<Long>> futures = new ArrayList<>(batch.units());
        for (int unit = 0; unit < batch.units(); unit++) {
            int index = unit;
            futures.add(pool.submit(() -> batch.runUnit(index)));
        }
        long sum = 0;
        for (Future<Long> future : futures) {
            sum += future.get();
        }
        return sum;
    }

    @Override
    public long tree(Tree tree) throws InterruptedException, ExecutionException {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        pool.execute(() -> visit(tree, tree.root(), answer::complete));
        return answer.get();
    }

    private void visit(Tree tree, Node node, LongConsumer parent) {
        if (node.isLeaf()) {
            parent.accept(node.leafValue());
            return;
        }
        ChildSums children = new ChildSums(tree.width(), parent);
        for (int i = 0; i < tree.width(); i++) {
            Node child = node.child(i, tree.width());
            pool.execute(() -> visit(tree, child, children));
        }
    }

    /** An inner node's children reporting: the last to report passes the sum up. */
    private static final class ChildSums implements LongConsumer {

        private final AtomicLong sum = new AtomicLong();
        private final AtomicInteger pending;
        private final LongConsumer parent;

        ChildSums(int children, LongConsumer parent) {
            this.pending = new AtomicInteger(children);
            this.parent = parent;
        }

        @Override
        public void accept(long childSum) {
            sum.addAndGet(childSum);
            if (pending.decrementAndGet() == 0) {
                parent.accept(sum.get());
            }
        }
    }

    @Override
    public long relay(Relay relay) throws InterruptedException, ExecutionException {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        deliver(relay, Token.first(), answer);
        return answer.get();
    }

    /** Hands the token to its holder: that worker's turn is a task on the pool. */
    private void deliver(Relay relay, Token token, CompletableFuture<Long> answer) {
        pool.execute(() -> receive(relay, token, answer));
    }

    /** What a worker does with the token: ends the relay, or passes it on. */
    private void receive(Relay relay, Token token, CompletableFuture<Long> answer) {
        if (token.isLast(relay)) {
            answer.complete(token.answer(relay));
        } else {
            deliver(relay, token.passedOn(relay), answer);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
