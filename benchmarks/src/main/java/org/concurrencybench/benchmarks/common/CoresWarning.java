package org.concurrencybench.benchmarks.common;

import java.util.List;

/**
 * A P beyond the processors a command may use still runs, but its threads take turns on fewer
 * cores than P: the figure is not what P cores would give. Every command that takes
 * {@code --cores} says so in these words.
 */
public final class CoresWarning {

    private CoresWarning() {
    }

    /** {@code P = 99 is more than the 2 processors this process may use: the runs at that P share them}, for each such P. */
    public static List<String> of(List<Integer> cores, int processors) {
        return cores.stream().filter(p -> p > processors).map(p -> "P = " + p + " is more than the " + processors
                + " processors this process may use: the runs at that P share them").toList();
    }
}
