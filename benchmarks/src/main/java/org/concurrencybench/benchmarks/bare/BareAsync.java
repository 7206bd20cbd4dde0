package org.concurrencybench.benchmarks.bare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Tree.Node;

/**
 * The async model's idiom, asyncio's shapes in futures: a node is a task on the pool that
 * gathers its children, its sum a continuation once all are done
 * ({@code allOf(..).thenApplyAsync}); the ring's workers await their inboxes, each a future whose
 * continuation on the pool is the worker's turn ({@code thenAcceptAsync}).
 */
final class BareAsync extends BareFutures {

    BareAsync(int parallelism) {
        super(parallelism);
    }

    @Override
    public long tree(Tree tree) {
        return spawn(tree, tree.root()).join();
    }

    private CompletableFuture<Long> spawn(Tree tree, Node node) {
        if (node.isLeaf()) {
            return CompletableFuture.supplyAsync(node::leafValue, pool);
        }
        return CompletableFuture.supplyAsync(() -> gatherChildren(tree, node), pool).thenCompose(Function.identity());
    }

    private CompletableFuture<Long> gatherChildren(Tree tree, Node node) {
        List<CompletableFuture<Long>> children = new ArrayList<>(tree.width());
        for (int i = 0; i < tree.width(); i++) {
            children.add(spawn(tree, node.child(i, tree.width())));
        }
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
                .thenApplyAsync(done -> children.stream().mapToLong(CompletableFuture::join).sum(), pool);
    }

    @Override
    public long relay(Relay relay) {
        return new Ring(relay).run();
    }

    /** A waiting worker is a continuation on its inbox, not a thread. */
    private final class Ring {

        private final CompletableFuture<Long> answer = new CompletableFuture<>();
        private final Relay relay;
        private final List<CompletableFuture<Token>> inboxes;

        Ring(Relay relay) {
            this.relay = relay;
            this.inboxes = new ArrayList<>(relay.workers());
            for (int worker = 0; worker < relay.workers(); worker++) {
                inboxes.add(null);
                awaitToken(worker);
            }
        }

        long run() {
            inboxes.get(0).complete(Token.first());
            return answer.join();
        }

        private void awaitToken(int worker) {
            CompletableFuture<Token> inbox = new CompletableFuture<>();
            inboxes.set(worker, inbox);
            inbox.thenAcceptAsync(this::receive, pool);
        }

        private void receive(Token token) {
            if (token.isLast(relay)) {
                answer.complete(token.answer(relay));
                return;
            }
            // await the next token before handing this one on: in a ring of two it comes straight back
            awaitToken(token.holder());
            Token next = token.passedOn(relay);
            inboxes.get(next.holder()).complete(next);
        }
    }
}
