package org.concurrencybench.benchmarks.newmodel;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.concurrencybench.core.AbstractConcurrencyModel;
import org.concurrencybench.core.AbstractModelProvider;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.SharedCounter;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * A model that exists only to show that a new model is one class and one ServiceLoader line:
 * it is registered by {@link AddingAModelTest} alone (no services file lists it), and every
 * command and the report must then show it in its own words.
 */
public final class OneAtATimeModel extends AbstractConcurrencyModel {

    public static final String ID = "one-at-a-time";

    /** What the model says about itself; the test looks for these words in every output. */
    public static final String SUMMARY = "a made-up model that runs each unit in turn";
    public static final String ON_BATCH = "runs the units of a batch one at a time, in index order";

    public OneAtATimeModel(int parallelism) {
        super(ID, parallelism);
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        return batch.runRange(0, batch.units());
    }

    @Override
    protected long runTree(Tree tree) {
        return tree.sequentialSum(tree.root());
    }

    @Override
    protected long runRelay(Relay relay) {
        return relay.hops();
    }

    @Override
    protected long runContention(Contention contention) throws InterruptedException {
        SharedCounter counter = contention.newCounter();
        for (int worker = 0; worker < contention.workers(); worker++) {
            counter.work(worker);
        }
        return counter.total();
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
        // nothing outlives a run
    }

    public static final class Provider extends AbstractModelProvider {

        public Provider() {
            super(ID, "benchmarks (tests)", 99, OneAtATimeModel::new, ModelDescription.of(SUMMARY)
                    .on("batch", ON_BATCH)
                    .on("tree", "walks the tree in turn")
                    .on("relay", "counts the hops without passing anything")
                    .on("contention", "runs the workers in turn"));
        }
    }
}
