package org.concurrencybench.core;

/** The contract test run against the calling-thread reference, so the contract itself is tested. */
class SequentialModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return "sequential";
    }

    @Override
    protected ConcurrencyModel newModel(int parallelism) {
        ConcurrencyModel model = new SequentialModel(parallelism);
        track(model);
        return model;
    }
}
