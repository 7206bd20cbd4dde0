package org.concurrencybench.benchmarks.load;

import java.util.OptionalDouble;

/**
 * The offered rates of one model and P, one after another, each chosen after the last was
 * measured. A list of rates is offered in order until one the server could not keep up with (it
 * achieved less than {@link LoadSweep#SUSTAINED_SHARE} of it): a higher rate would only grow the
 * same queue for longer. Auto starts at {@link LoadPlan#AUTO_START} (or half the server's
 * concurrency limit, when that is lower) and doubles while each rate
 * is sustained; after the first that is not, it halves the gap between the highest rate
 * sustained and the lowest not, {@link #REFINEMENTS} times, so that the headline is within an
 * eighth of the doubling step rather than a factor of two below the knee.
 */
final class RateSteps {

    /** How many times auto halves the gap around the knee. */
    static final int REFINEMENTS = 2;

    private final LoadPlan plan;
    private final double generatorCapacity;
    private final Double concurrencyLimit;
    private int index;
    private double kept;
    private double lost;
    private int refinements;

    /** The steps of {@code plan}, an auto sweep never doubling past {@code generatorCapacity}. */
    RateSteps(LoadPlan plan, double generatorCapacity) {
        this(plan, generatorCapacity, null);
    }

    /**
     * The steps of {@code plan} for a server whose concurrency limit is {@code concurrencyLimit}
     * requests per second (null when unknown): an auto sweep starts at half of it when that is
     * below {@link LoadPlan#AUTO_START}, so that a server of a few threads through a long wait is
     * measured below its knee too.
     */
    RateSteps(LoadPlan plan, double generatorCapacity, Double concurrencyLimit) {
        this.plan = plan;
        this.generatorCapacity = generatorCapacity;
        this.concurrencyLimit = concurrencyLimit;
    }

    double first() {
        if (!plan.auto()) {
            return plan.rates().getFirst();
        }
        return concurrencyLimit == null ? LoadPlan.AUTO_START
                : Math.min(LoadPlan.AUTO_START, Math.max(1, Math.rint(concurrencyLimit / 2)));
    }

    /** The rate to offer after {@code point}; empty when the sweep of this model and P is done. */
    OptionalDouble after(LoadPoint point) {
        double rate = point.offeredRate();
        if (!plan.auto()) {
            index++;
            boolean fellBehind = point.achievedRate() < LoadSweep.SUSTAINED_SHARE * rate;
            return fellBehind || index >= plan.rates().size() ? OptionalDouble.empty()
                    : OptionalDouble.of(plan.rates().get(index));
        }
        if (point.sustained()) {
            kept = Math.max(kept, rate);
        } else {
            lost = lost == 0 ? rate : Math.min(lost, rate);
        }
        if (lost == 0) {
            boolean further = rate * 2 <= LoadSettings.MAX_RATE && rate <= generatorCapacity;
            return further ? OptionalDouble.of(rate * 2) : OptionalDouble.empty();
        }
        if (kept == 0 || refinements >= REFINEMENTS) {
            return OptionalDouble.empty();
        }
        refinements++;
        return OptionalDouble.of(Math.rint((kept + lost) / 2));
    }
}
