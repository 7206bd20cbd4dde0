package org.concurrencybench.benchmarks.verify;

import java.util.Locale;
import java.util.OptionalLong;

/** What one run of {@code bench verify} found: a row of its table. */
record VerifyOutcome(String model, String workload, int parallelism, Verdict verdict, OptionalLong answer,
                     long expected, OptionalLong nanos, String detail) {

    enum Verdict {
        OK, MISMATCH, FAILED, NOT_APPLICABLE;

        boolean failed() {
            return this == MISMATCH || this == FAILED;
        }
    }

    static VerifyOutcome answered(String model, String workload, int parallelism, long answer, long expected,
                                  long nanos) {
        return new VerifyOutcome(model, workload, parallelism, answer == expected ? Verdict.OK : Verdict.MISMATCH,
                OptionalLong.of(answer), expected, OptionalLong.of(nanos), "");
    }

    static VerifyOutcome failed(String model, String workload, int parallelism, long expected, OptionalLong nanos,
                                String problem) {
        return new VerifyOutcome(model, workload, parallelism, Verdict.FAILED, OptionalLong.empty(), expected, nanos,
                problem);
    }

    static VerifyOutcome notApplicable(String model, String workload, int parallelism, long expected, String reason) {
        return new VerifyOutcome(model, workload, parallelism, Verdict.NOT_APPLICABLE, OptionalLong.empty(), expected,
                OptionalLong.empty(), reason);
    }

    /** The last column: {@code ok}, {@code MISMATCH}, {@code FAILED: <message>}, {@code n/a: <reason>}. */
    String result() {
        return switch (verdict) {
            case OK -> "ok";
            case MISMATCH -> "MISMATCH";
            case FAILED -> "FAILED: " + detail;
            case NOT_APPLICABLE -> "n/a: " + detail;
        };
    }

    String answerText() {
        return answer.isPresent() ? grouped(answer.getAsLong()) : "-";
    }

    String millisText() {
        return nanos.isPresent() ? String.format(Locale.ROOT, "%,.1f", nanos.getAsLong() / 1e6) : "-";
    }

    /** {@code threads x cpu at P=2 (MISMATCH)}: how the summary names a failed pair. */
    String pair() {
        return model + " x " + workload + " at P=" + parallelism + " (" + verdict + ")";
    }

    /** 499999500000 as {@code 499,999,500,000}, the same in every locale. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
