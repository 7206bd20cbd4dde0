package org.concurrencybench.core;

/** A model answered, but not what the workload expects. */
public class WrongAnswerException extends RuntimeException {

    private final long answer;
    private final long expected;

    public WrongAnswerException(String model, Workload workload, long answer, long expected) {
        super("model " + model + ", workload " + workload.describe() + ": answered " + answer
                + ", expected " + expected);
        this.answer = answer;
        this.expected = expected;
    }

    /** Throws unless {@code answer} is what {@code workload} expects. */
    public static long check(String model, Workload workload, long answer) {
        long expected = workload.expected();
        if (answer != expected) {
            throw new WrongAnswerException(model, workload, answer, expected);
        }
        return answer;
    }

    public long answer() {
        return answer;
    }

    public long expected() {
        return expected;
    }
}
