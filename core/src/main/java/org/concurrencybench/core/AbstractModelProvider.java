package org.concurrencybench.core;

import java.util.function.IntFunction;

/**
 * A {@link ModelProvider} from its facts, its description and a constructor reference, so that
 * a model's ServiceLoader entry is one constructor call:
 * {@code public Provider() { super(ID, "executors", 20, ThreadPoolModel::new, ModelDescription.of("...")...); }}
 */
public abstract class AbstractModelProvider implements ModelProvider {

    private final String id;
    private final String module;
    private final int rank;
    private final IntFunction<ConcurrencyModel> factory;
    private final ModelDescription description;

    protected AbstractModelProvider(String id, String module, int rank, IntFunction<ConcurrencyModel> factory,
                                    ModelDescription.Builder description) {
        this.id = Checks.notBlank("id", id);
        this.module = Checks.notBlank("module", module);
        this.rank = rank;
        this.factory = factory;
        this.description = description.build();
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
    public final ModelDescription description() {
        return description;
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
