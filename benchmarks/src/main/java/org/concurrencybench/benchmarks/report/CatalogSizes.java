package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/**
 * The sizes of a run that differ from the defaults, so that no one mistakes them for those. The
 * default of a size is the catalog's, or the values its benchmark sweeps where it sweeps them
 * (transfer's payloads, the kinds of lock): a run at those is at its defaults. Sizes are compared
 * as the catalog writes them, so {@code 1_000} is {@code 1000}.
 */
public final class CatalogSizes {

    private CatalogSizes() {
    }

    /**
     * {@code blocking.units=100 (catalog: 1000)} for every size that is not its default;
     * {@code transfer.payload=0,65536 (default: 0,1024,65536,1048576; catalog: 65536)} for a sweep.
     */
    public static List<String> offTheCatalog(Map<String, Map<String, String>> sizes) {
        List<String> changed = new ArrayList<>();
        if (sizes == null) {
            return changed;
        }
        sizes.forEach((workload, values) -> {
            if (!Workloads.ids().contains(workload)) {
                return;
            }
            Map<String, List<String>> declared = WorkloadBenchmark.of(workload).declaredSizes();
            WorkloadSpec spec = Workloads.spec(workload);
            Map<String, String> written = spec.write(values);
            for (WorkloadSpec.Parameter parameter : spec.parameters()) {
                String value = written.get(parameter.name());
                String catalog = parameter.displayDefault();
                String benchmarkDefault = String.join(",", declared.getOrDefault(parameter.name(), List.of(catalog)));
                if (value == null || value.equals(catalog) || value.equals(benchmarkDefault)) {
                    continue;
                }
                changed.add(workload + "." + parameter.name() + "=" + value + " ("
                        + (benchmarkDefault.equals(catalog) ? "" : "default: " + benchmarkDefault + "; ")
                        + "catalog: " + catalog + ")");
            }
        });
        return changed;
    }
}
