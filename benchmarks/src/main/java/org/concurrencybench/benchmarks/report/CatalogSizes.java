package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;

/** The sizes of a run that differ from the catalog's defaults, so that no one mistakes them for those. */
public final class CatalogSizes {

    private CatalogSizes() {
    }

    /** {@code blocking.units=100 (catalog: 1000)} for every size that is not the catalog's default. */
    public static List<String> offTheCatalog(Map<String, Map<String, String>> sizes) {
        List<String> changed = new ArrayList<>();
        if (sizes == null) {
            return changed;
        }
        sizes.forEach((workload, values) -> {
            if (!Workloads.ids().contains(workload)) {
                return;
            }
            for (WorkloadSpec.Parameter parameter : Workloads.spec(workload).parameters()) {
                String value = values.get(parameter.name());
                if (value != null && !value.equals(String.valueOf(parameter.defaultValue()))) {
                    changed.add(workload + "." + parameter.name() + "=" + value + " (catalog: " + parameter.defaultValue() + ")");
                }
            }
        });
        return changed;
    }
}
