package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openjdk.jmh.runner.options.Options;

/**
 * How a comparison spreads each cell's forks over time. Run one after another, a cell's forks
 * all meet the machine in the same few seconds, and a machine that drifts (another job, the
 * clock, the heat) moves one model's figure and not the next one's while the interval, computed
 * within the cell, does not see it. So the comparison runs in rounds, one fork of every cell per
 * round, the order reversed every other round: each cell's forks are spread over the whole run,
 * drift falls on every model alike and widens each interval by what it moved, as rigorous
 * benchmarking methods ask (Kalibera and Jones, "Rigorous Benchmarking in Reasonable Time").
 * The forks' iterations are then one record, as JMH would have written them ({@link ForkMerge}).
 *
 * @param count     the rounds: the forks of each cell, from the profile or {@code --jmh -f}
 * @param forksEach the forks of a cell in one round: 1, or 0 when JMH is told not to fork
 */
record Rounds(int count, int forksEach) {

    /** The rounds of {@code profile}, or of {@code overrides}' fork count when {@code --jmh} gives one. */
    static Rounds of(Profile profile, Options overrides) {
        int forks = overrides.getForkCount().orElse(profile.forks());
        return forks <= 0 ? new Rounds(1, 0) : new Rounds(forks, 1);
    }

    /** The cells in the order of round {@code round}: as planned, then reversed, and so on. */
    List<Cell> order(List<Cell> cells, int round) {
        if (round % 2 == 0) {
            return cells;
        }
        List<Cell> reversed = new ArrayList<>(cells);
        Collections.reverse(reversed);
        return reversed;
    }

    /** {@code fork 2 of 3}; empty with one round. */
    String describe(int round) {
        return count == 1 ? "" : "fork " + (round + 1) + " of " + count;
    }
}
