package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.benchmarks.python.PythonHarness;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.Workloads;

/**
 * The Python models' cells of a comparison: each Python model on each workload's variants at
 * each P, or, when the run did not name them, only the default run's small set
 * ({@link PythonModels#DEFAULT_WORKLOADS} at {@link PythonModels#DEFAULT_CORES}). Their sizes are
 * the run's with {@link PythonModels#SIZES} applied first, so where those differ the cells name
 * the sizes in their label; and at such sizes, which no Java cell measures, the run's baseline
 * model (the one with no concurrency, if it is selected) is measured at P = 1 too, so that every
 * Python table has the plain loop on the JIT to be read against.
 */
final class PythonPlan {

    private PythonPlan() {
    }

    /**
     * @param models      the selected Python models
     * @param sizes       the Python cells' sizes
     * @param defaultSet  whether only the default run's small set is measured
     * @param javaModels  the selected Java models, of which the baseline may be measured at the Python sizes
     * @param javaSizes   the Java cells' sizes
     */
    static Plan of(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                   boolean defaultSet, PythonLimits limits, List<String> javaModels, WorkloadSizes javaSizes,
                   Limits javaLimits) {
        List<Cell> cells = new ArrayList<>();
        for (String workload : workloads) {
            if (defaultSet && !PythonModels.DEFAULT_WORKLOADS.contains(workload)) {
                continue;
            }
            for (WorkloadSizes.Variant variant : sizes.variants(workload)) {
                String label = label(variant, javaSizes.written(workload));
                for (String model : models) {
                    for (int p : cores) {
                        if (!defaultSet || PythonModels.DEFAULT_CORES.contains(p)) {
                            cells.add(new Cell(WorkloadBenchmark.of(workload), model, p, variant.sizes(), label));
                        }
                    }
                }
            }
        }
        List<Optional<String>> reasons = limits.of(cells.stream().map(cell -> new PythonHarness.Cell(cell.model(),
                cell.workload(), cell.cores(), cell.sizes())).toList());
        List<Cell> measured = new ArrayList<>();
        Map<Cell, String> notApplicable = new LinkedHashMap<>();
        for (int index = 0; index < cells.size(); index++) {
            if (reasons.get(index).isPresent()) {
                notApplicable.put(cells.get(index), reasons.get(index).get());
            } else {
                measured.add(cells.get(index));
            }
        }
        List<Cell> toMeasure = new ArrayList<>();
        Optional<String> baseline = cores.contains(1) ? javaModels.stream().filter(Plan::isBaseline).findFirst()
                : Optional.empty();
        Set<String> baselined = new HashSet<>();
        for (Cell cell : measured) {
            boolean javaMeasures = javaSizes.variants(cell.workload()).stream()
                    .anyMatch(variant -> variant.sizes().equals(cell.sizes()));
            if (baseline.isPresent() && !javaMeasures && baselined.add(cell.workload() + " " + cell.sizes())) {
                addBaseline(new Cell(cell.benchmark(), baseline.get(), 1, cell.sizes(), cell.variant()), javaLimits,
                        toMeasure, notApplicable);
            }
        }
        toMeasure.addAll(measured);
        return new Plan(toMeasure, notApplicable);
    }

    /** The baseline at a Python cell's sizes, unless the baseline declares them n/a. */
    private static void addBaseline(Cell cell, Limits javaLimits, List<Cell> toMeasure, Map<Cell, String> notApplicable) {
        Workload workload = Workloads.create(cell.workload(), cell.sizes());
        String reason;
        try {
            reason = javaLimits.of(cell.model(), 1, List.of(workload)).get(workload);
        } catch (RuntimeException cannotAsk) {
            reason = null; // as in the Java plan: a model that cannot be asked fails in its fork
        }
        if (reason == null) {
            toMeasure.add(cell);
        } else {
            notApplicable.put(cell, reason);
        }
    }

    /** The variant's own label, and the sizes in which it differs from the Java cells': {@code limit=100000}. */
    private static String label(WorkloadSizes.Variant variant, Map<String, String> javaSizes) {
        List<String> parts = new ArrayList<>();
        if (!variant.label().isEmpty()) {
            parts.add(variant.label());
        }
        variant.sizes().forEach((name, value) -> {
            String java = javaSizes.get(name);
            if (java != null && !java.contains(",") && !java.equals(value)) {
                parts.add(name + "=" + value);
            }
        });
        return String.join(", ", parts);
    }
}
