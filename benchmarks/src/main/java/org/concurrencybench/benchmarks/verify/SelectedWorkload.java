package org.concurrencybench.benchmarks.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;

/**
 * A workload chosen on the command line: its catalog id and the overrides that apply to it.
 * It is built once up front, unbound, to be checked, described and asked about a model's
 * limits without starting anything; it is opened (for io, its loopback server started) only
 * for the run that needs it.
 *
 * @param described the workload as built from the overrides; io's is not bound to a server
 */
public record SelectedWorkload(String id, Map<String, String> overrides, Workload described) {

    public SelectedWorkload {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** Workload {@code id} with {@code overrides}; a bad value is refused here, naming its range. */
    public static SelectedWorkload of(String id, Map<String, String> overrides) {
        return new SelectedWorkload(id, overrides, Workloads.create(id, overrides));
    }

    /** The workload ready to run; closing it stops whatever it started. */
    OpenWorkload open() {
        return Workloads.open(id, overrides);
    }
}
