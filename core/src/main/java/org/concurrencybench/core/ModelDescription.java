package org.concurrencybench.core;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a model says about itself in listings and reports, kept beside the code it describes:
 * how it runs each workload (by catalog id, or for every workload of a kind), where its figure
 * is not what the workload's question asks (a few chunked round trips rather than a task per
 * unit), and its {@link ModelTrait traits}. A report assembles these sentences and names no
 * model itself, so a new model is described the moment it is registered.
 *
 * <p>Sentences say what the model does, not what the workload is (the catalog says that) and
 * carry no sizes (the report gives them once per workload).
 */
public final class ModelDescription {

    private final String summary;
    private final Map<String, String> howItRuns;
    private final Map<String, String> notComparable;
    private final Set<ModelTrait> traits;
    private final RequestsAtOnce requestsAtOnce;

    private ModelDescription(Builder builder) {
        this.summary = builder.summary;
        this.howItRuns = Map.copyOf(builder.howItRuns);
        this.notComparable = Map.copyOf(builder.notComparable);
        this.traits = Set.copyOf(builder.traits);
        this.requestsAtOnce = builder.requestsAtOnce;
    }

    /** A description whose one-line summary is {@code summary}: how the model runs work. */
    public static Builder of(String summary) {
        return new Builder(Checks.notBlank("summary", summary));
    }

    /** One line: how the model runs work. */
    public String summary() {
        return summary;
    }

    /** How the model runs {@code workload}: its own sentence, else the one for its kind. */
    public Optional<String> howItRuns(WorkloadSpec workload) {
        return lookUp(howItRuns, workload);
    }

    /**
     * Why the model's figure on {@code workload} does not answer the workload's question (so it
     * must not be ranked with the others); empty when it does.
     */
    public Optional<String> notComparable(WorkloadSpec workload) {
        return lookUp(notComparable, workload);
    }

    public boolean has(ModelTrait trait) {
        return traits.contains(trait);
    }

    public Set<ModelTrait> traits() {
        return traits;
    }

    /** How many requests its server holds at once through their waits; {@link RequestsAtOnce#UNBOUNDED} unless it says. */
    public RequestsAtOnce requestsAtOnce() {
        return requestsAtOnce;
    }

    private static Optional<String> lookUp(Map<String, String> sentences, WorkloadSpec workload) {
        String own = sentences.get(workload.id());
        return Optional.ofNullable(own != null ? own : sentences.get(workload.kind()));
    }

    /** Collects a model's sentences; {@code on} and {@code notComparable} take a catalog id or a kind. */
    public static final class Builder {

        private final String summary;
        private final Map<String, String> howItRuns = new LinkedHashMap<>();
        private final Map<String, String> notComparable = new LinkedHashMap<>();
        private final Set<ModelTrait> traits = EnumSet.noneOf(ModelTrait.class);
        private RequestsAtOnce requestsAtOnce = RequestsAtOnce.UNBOUNDED;

        private Builder(String summary) {
            this.summary = summary;
        }

        /** How the model runs the workloads named {@code idOrKind}: a catalog id, or a kind for all of that kind. */
        public Builder on(String idOrKind, String sentence) {
            put(howItRuns, idOrKind, sentence);
            return this;
        }

        /** Why the model's figure on {@code idOrKind} is not comparable with the others'. */
        public Builder notComparable(String idOrKind, String why) {
            put(notComparable, idOrKind, why);
            return this;
        }

        public Builder with(ModelTrait trait) {
            traits.add(trait);
            return this;
        }

        /** What bounds the requests its server holds at once through their waits. */
        public Builder serving(RequestsAtOnce bound) {
            this.requestsAtOnce = Objects.requireNonNull(bound, "bound");
            return this;
        }

        public ModelDescription build() {
            return new ModelDescription(this);
        }

        private static void put(Map<String, String> sentences, String idOrKind, String sentence) {
            Checks.notBlank("workload id or kind", idOrKind);
            Checks.notBlank("sentence", sentence);
            if (sentences.putIfAbsent(idOrKind, sentence) != null) {
                throw new IllegalArgumentException("two sentences for '" + idOrKind + "'");
            }
        }
    }
}
