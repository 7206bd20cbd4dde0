package org.concurrencybench.benchmarks.verify;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * A model that does whatever a test tells it to for a workload (answer wrongly, throw, be
 * interrupted), so that a test can prove a failing model is reported, not hidden.
 */
final class MisbehavingModel extends AbstractConcurrencyModel {

    interface Behaviour {
        long answer(Workload workload) throws InterruptedException;
    }

    /** Gives the right answer without computing it. */
    static final Behaviour RIGHT = Workload::expected;

    private final Behaviour behaviour;
    private final Map<String, String> limits = new HashMap<>();
    private int runs;

    MisbehavingModel(String id, int parallelism, Behaviour behaviour) {
        super(id, parallelism);
        this.behaviour = behaviour;
    }

    /** Declares that this model cannot run workload {@code name}, for {@code reason}. */
    MisbehavingModel limitedOn(String name, String reason) {
        limits.put(name, reason);
        return this;
    }

    int runs() {
        return runs;
    }

    @Override
    public Optional<String> limit(Workload workload) {
        return Optional.ofNullable(limits.get(workload.name()));
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        return answer(batch);
    }

    @Override
    protected long runTree(Tree tree) throws InterruptedException {
        return answer(tree);
    }

    @Override
    protected long runRelay(Relay relay) throws InterruptedException {
        return answer(relay);
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        return answer(contention);
    }

    private long answer(Workload workload) throws InterruptedException {
        runs++;
        return behaviour.answer(workload);
    }

    @Override
    public Optional<String> limit(Serve serve) {
        return Optional.of("a test model that serves nothing");
    }

    @Override
    protected Server startServer(Serve serve, InetSocketAddress address) {
        throw new IllegalStateException("unreachable: the limit refuses every service");
    }

    @Override
    protected void shutdown() {
    }
}
