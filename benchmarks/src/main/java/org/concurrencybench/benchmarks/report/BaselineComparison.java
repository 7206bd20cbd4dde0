package org.concurrencybench.benchmarks.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cell against the same cell of a baseline run: the ratio of the scores, and whether the
 * change lies outside both error bars (the two intervals do not overlap), which is the only
 * change the report calls faster or slower.
 */
final class BaselineComparison {

    private final Source baseline;

    BaselineComparison(Source baseline) {
        this.baseline = baseline;
    }

    String label() {
        return baseline.label();
    }

    /** The baseline's measurement of the same workload, sizes, model and P. */
    Optional<Measurement> match(Measurement measurement) {
        return baseline.measurements().stream()
                .filter(candidate -> candidate.workload().equals(measurement.workload())
                        && candidate.sizes().equals(measurement.sizes())
                        && candidate.model().equals(measurement.model())
                        && candidate.cores() == measurement.cores()
                        && Objects.equals(candidate.mode(), measurement.mode()))
                .findFirst();
    }

    /** {@code ×0.91, faster}; {@code ×1.01, within error}; {@code not in baseline}. */
    String describe(Measurement measurement) {
        Optional<Measurement> before = match(measurement);
        if (before.isEmpty()) {
            return "not in baseline";
        }
        return describe(measurement, before.get());
    }

    static String describe(Measurement now, Measurement before) {
        if (!now.unit().equals(before.unit())) {
            return "baseline in " + before.unit();
        }
        String ratio = Figures.times(now.score() / before.score());
        if (!now.hasErrorEstimate() || !before.hasErrorEstimate()) {
            return ratio + ", no error estimate";
        }
        boolean disjoint = now.score() - now.error() > before.score() + before.error()
                || now.score() + now.error() < before.score() - before.error();
        if (!disjoint) {
            return ratio + ", within error";
        }
        boolean higher = now.score() > before.score();
        return ratio + (higher == now.lowerIsBetter() ? ", slower" : ", faster");
    }

    static List<String> legend(String baselineLabel) {
        return List.of("Each cell also shows its ratio to the same model, workload, sizes and P in the baseline run ("
                + baselineLabel + "): the score divided by the baseline's. \"faster\" and \"slower\" mark only the"
                + " changes where the two error bars do not overlap; \"within error\" is a change the error bars"
                + " cannot tell from noise. The last section, " + BaselineAgreement.HEADING + ", says how closely the"
                + " runs agree over all the cells they share.");
    }
}
