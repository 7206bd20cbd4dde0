package org.concurrencybench.core;

import java.util.function.IntFunction;

/**
 * A {@link ModelProvider} from its facts and a constructor reference, so that a model's
 * ServiceLoader entry is one constructor call:
 * {@code public Provider() { super(ID, "executors", 20, "fixed pool of P ...", ThreadPoolModel::new); }}
 */
public abstract class AbstractModelProvider implements ModelProvider {

    private final String id;
    private final String module;
    private final int rank;
    private final String summary;
    private final IntFunction<ConcurrencyModel> factory;

    protected AbstractModelProvider(String id, String module, int rank, String summary,
                                    IntFunction<ConcurrencyModel> factory) {
        this.id = Checks.notBlank("id", id);
        this.module = Checks.notBlank("module", module);
        this.rank = rank;
        this.summary = Checks.notBlank("summary", summary);
        this.factory = factory;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final int rank() {
        return rank;
    }

    @Override
    public final ConcurrencyModel create(int parallelism) {
        return factory.apply(Checks.parallelism(parallelism));
    }
}
