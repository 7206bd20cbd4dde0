package org.concurrencybench.benchmarks.bare;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;

/**
 * {@code new ForkJoinPool(P)} and {@code pool.invoke}: a batch is a {@link RecursiveTask} that
 * halves its range with {@code invokeAll} down to one unit per task; a tree is a task per node
 * that forks its children and joins them; a hop is a {@link RecursiveAction} that forks the
 * next hop onto its worker's deque, and the caller waits for the last one on a future.
 */
final class BareForkJoin implements BareIdiom {

    private final ForkJoinPool pool;

    BareForkJoin(int parallelism) {
        pool = new ForkJoinPool(parallelism);
    }

    @Override
    public long batch(Batch batch) {
        return pool.invoke(new Range(batch, 0, batch.units()));
    }

    private static final class Range extends RecursiveTask<Long> {

        private final Batch batch;
        private final int from;
        private final int to;

        Range(Batch batch, int from, int to) {
            this.batch = batch;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from == 1) {
                return BareIdiom.unit(batch, from);
            }
            int middle = (from + to) >>> 1;
            Range left = new Range(batch, from, middle);
            Range right = new Range(batch, middle, to);
            invokeAll(left, right);
            return left.join() + right.join();
        }
    }

    @Override
    public long tree(Tree tree) {
        return pool.invoke(new Subtree(tree, tree.root()));
    }

    private static final class Subtree extends RecursiveTask<Long> {

        private final Tree tree;
        private final Node node;

        Subtree(Tree tree, Node node) {
            this.tree = tree;
            this.node = node;
        }

        @Override
        protected Long compute() {
            if (node.isLeaf()) {
                return node.leafValue();
            }
            Subtree[] children = new Subtree[tree.width()];
            for (int i = 0; i < children.length; i++) {
                children[i] = new Subtree(tree, node.child(i, tree.width()));
            }
            invokeAll(children);
            long sum = 0;
            for (Subtree child : children) {
                sum += child.join();
            }
            return sum;
        }
    }

    @Override
    public long relay(Relay relay) throws InterruptedException, ExecutionException {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        pool.execute(new Hop(relay, Token.first(), answer));
        return answer.get();
    }

    private static final class Hop extends RecursiveAction {

        private final Relay relay;
        private final Token token;
        private final CompletableFuture<Long> answer;

        Hop(Relay relay, Token token, CompletableFuture<Long> answer) {
            this.relay = relay;
            this.token = token;
            this.answer = answer;
        }

        @Override
        protected void compute() {
            if (token.isLast(relay)) {
                answer.complete(token.answer(relay));
            } else {
                new Hop(relay, token.passedOn(relay), answer).fork();
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
