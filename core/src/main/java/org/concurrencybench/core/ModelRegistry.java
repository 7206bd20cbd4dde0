package org.concurrencybench.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The models on the class path, found by {@link ServiceLoader} and looked up by id. */
public final class ModelRegistry {

    private static volatile Map<String, ModelProvider> providers;

    private ModelRegistry() {
    }

    /** Every model provider on the class path, in rank order. */
    public static List<ModelProvider> providers() {
        return List.copyOf(byId().values());
    }

    public static List<String> ids() {
        return List.copyOf(byId().keySet());
    }

    /** The provider of {@code id}; an unknown id names the known ones. */
    public static ModelProvider provider(String id) {
        ModelProvider provider = byId().get(id);
        if (provider == null) {
            throw new IllegalArgumentException("unknown model '" + id + "'; known models: " + String.join(", ", ids()));
        }
        return provider;
    }

    /** A new model {@code id} with {@code parallelism} cores. */
    public static ConcurrencyModel create(String id, int parallelism) {
        ModelProvider provider = provider(id);
        Checks.parallelism(parallelism);
        return provider.create(parallelism);
    }

    private static Map<String, ModelProvider> byId() {
        Map<String, ModelProvider> found = providers;
        if (found == null) {
            synchronized (ModelRegistry.class) {
                found = providers;
                if (found == null) {
                    found = load();
                    providers = found;
                }
            }
        }
        return found;
    }

    private static Map<String, ModelProvider> load() {
        List<ModelProvider> loaded = ServiceLoader.load(ModelProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(ModelProvider::rank).thenComparing(ModelProvider::id))
                .toList();
        Map<String, ModelProvider> map = new LinkedHashMap<>();
        for (ModelProvider provider : loaded) {
            ModelProvider earlier = map.putIfAbsent(provider.id(), provider);
            if (earlier != null) {
                throw new IllegalStateException("two models share the id '" + provider.id() + "': "
                        + earlier.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return map;
    }
}
