package org.concurrencybench.core;

/** Everything on the calling thread: the reference the contract test is itself tested against. */
final class SequentialModel extends AbstractConcurrencyModel {

    SequentialModel(int parallelism) {
        super("sequential", parallelism);
    }

    @Override
    protected long runBatch(Batch batch) throws InterruptedException {
        try {
            return batch.runRange(0, batch.units());
        } catch (RuntimeException unitFailed) {
            throw failure(batch, unitFailed);
        }
    }

    @Override
    protected long runTree(Tree tree) {
        return tree.sequentialSum(tree.root());
    }

    @Override
    protected long runRelay(Relay relay) {
        long token = 0;
        int holder = 0;
        while (token < relay.hops()) {
            token++;
            holder = relay.next(holder);
        }
        return holder == relay.holderOf(token) ? token : -1;
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
    protected void shutdown() {
    }
}
