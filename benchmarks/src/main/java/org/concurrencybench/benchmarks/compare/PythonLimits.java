package org.concurrencybench.benchmarks.compare;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.benchmarks.python.Python;
import org.concurrencybench.benchmarks.python.PythonHarness;

/**
 * The limits the Python models declare, asked of the Python package for every cell at once (one
 * interpreter start), so that a cell a model cannot run honestly is an n/a with its reason; where
 * there is no usable interpreter, every Python cell is n/a with that reason instead.
 */
@FunctionalInterface
public interface PythonLimits {

    /** For each cell, the reason its model cannot run it, or empty when it can. */
    List<Optional<String>> of(List<PythonHarness.Cell> cells);

    /** Asks the package through {@code harness}. */
    static PythonLimits from(PythonHarness harness) {
        return cells -> cells.isEmpty() ? List.of() : harness.limits(cells);
    }

    /** Every cell n/a: {@code python} cannot run the models. */
    static PythonLimits unavailable(Python python) {
        String reason = python.unavailable().orElseThrow();
        return cells -> Collections.nCopies(cells.size(), Optional.of(reason));
    }
}
