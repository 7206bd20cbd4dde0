package org.concurrencybench.benchmarks.bare;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;

/**
 * The completable-future model's idiom: a node is a task on the pool whose future is the
 * {@code thenCombine} of its children's; the relay is a chain of {@code thenComposeAsync}
 * stages, each hop built when the one before it runs.
 */
final class BareCompletableFuture extends BareFutures {

    BareCompletableFuture(int parallelism) {
        super(parallelism);
    }

    @Override
    public long tree(Tree tree) {
        return subtree(tree, tree.root()).join();
    }

    private CompletableFuture<Long> subtree(Tree tree, Node node) {
        if (node.isLeaf()) {
            return CompletableFuture.supplyAsync(node::leafValue, pool);
        }
        return CompletableFuture.supplyAsync(() -> combineChildren(tree, node), pool).thenCompose(Function.identity());
    }

    private CompletableFuture<Long> combineChildren(Tree tree, Node node) {
        CompletableFuture<Long> sum = subtree(tree, node.child(0, tree.width()));
        for (int i = 1; i < tree.width(); i++) {
            sum = sum.thenCombine(subtree(tree, node.child(i, tree.width())), Long::sum);
        }
        return sum;
    }

    @Override
    public long relay(Relay relay) {
        return journey(relay, Token.first()).join();
    }

    private CompletableFuture<Long> journey(Relay relay, Token token) {
        if (token.isLast(relay)) {
            return CompletableFuture.completedFuture(token.answer(relay));
        }
        return CompletableFuture.completedFuture(token.passedOn(relay))
                .thenComposeAsync(received -> journey(relay, received), pool);
    }
}
