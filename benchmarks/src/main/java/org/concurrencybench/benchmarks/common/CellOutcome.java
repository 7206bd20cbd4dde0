package org.concurrencybench.benchmarks.common;

import com.google.gson.annotations.SerializedName;

/** What became of one model x workload x P of a comparison. */
public enum CellOutcome {

    @SerializedName("measured")
    MEASURED("measured"),
    /** The model declared a limit for this workload: it cannot run it honestly. */
    @SerializedName("n/a")
    NOT_APPLICABLE("n/a"),
    @SerializedName("failed")
    FAILED("failed"),
    /** The comparison stopped (Ctrl-C, or a failure elsewhere) before this one ran. */
    @SerializedName("not run")
    NOT_RUN("not run");

    private final String label;

    CellOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
