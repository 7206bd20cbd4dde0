package org.concurrencybench.benchmarks.jmh;

import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WrongAnswerException;

/**
 * Every answer a benchmark returns, compared with the workload's expected answer. The
 * comparison is one branch inside the timed method, next to a workload that takes
 * milliseconds; the throw waits until the iteration ends, outside the timing, so that a wrong
 * answer fails the run (JMH's failOnError) instead of being averaged into a score. The bare
 * twins check theirs with it too, so that a twin is held to its model's answer the same way.
 */
public final class AnswerCheck {

    private final String model;
    private final Workload workload;
    private final long expected;
    private long wrongAnswers;
    private long firstWrongAnswer;

    /** @param model what answers: a model's id, or a bare twin's, for the message of a wrong answer */
    public AnswerCheck(String model, Workload workload) {
        this.model = model;
        this.workload = workload;
        this.expected = workload.expected();
    }

    /** Notes {@code answer} and returns it. */
    public long record(long answer) {
        if (answer != expected && wrongAnswers++ == 0) {
            firstWrongAnswer = answer;
        }
        return answer;
    }

    /** Throws {@link WrongAnswerException} for the first wrong answer since the last call. */
    public void verify() {
        long wrong = wrongAnswers;
        wrongAnswers = 0;
        if (wrong > 0) {
            WrongAnswerException.check(model, workload, firstWrongAnswer);
        }
    }
}
