package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.Workloads;

/**
 * The cells of a comparison in the order they run: workload by workload, and within a workload
 * variant by variant of its swept sizes (so that an interrupted run leaves whole tables), each
 * model across its P values. Pairs a model declared a limit for are set aside as n/a, and so is
 * the baseline ({@link ModelTrait#BASELINE}) at every P above the lowest: it runs every unit on
 * one thread whatever P, so its figure at the lowest P is its figure, and another fork would
 * measure the same code again. With the bare twins, a model's cell on a workload the
 * twins run is followed at once by its twin's cell at the same sizes and P, so that the two are
 * measured as close together as the run allows; a model whose cell is n/a has no twin cell
 * either, since the twin runs only what its model runs.
 *
 * @param toMeasure     the cells to run, in order
 * @param notApplicable the cells a model cannot run, with its reason
 */
public record Plan(List<Cell> toMeasure, Map<Cell, String> notApplicable) {

    public Plan {
        toMeasure = List.copyOf(toMeasure);
        notApplicable = Collections.unmodifiableMap(new LinkedHashMap<>(notApplicable));
    }

    /** The plan without bare twins. */
    public static Plan of(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                          Limits limits) {
        return of(models, workloads, cores, sizes, limits, false);
    }

    /**
     * @param sizes each workload's sizes: a parameter may be swept, a variant of the workload per value
     * @param twins whether each model cell that has a bare twin is followed by the twin's cell
     */
    public static Plan of(List<String> models, List<String> workloads, List<Integer> cores, WorkloadSizes sizes,
                          Limits limits, boolean twins) {
        Map<String, List<Variant>> variants = new LinkedHashMap<>();
        List<Workload> built = new ArrayList<>();
        for (String workload : workloads) {
            List<Variant> ofWorkload = new ArrayList<>();
            for (WorkloadSizes.Variant sized : sizes.variants(workload)) {
                Variant variant = new Variant(sized.sizes(), sized.label(), Workloads.create(workload, sized.sizes()));
                ofWorkload.add(variant);
                built.add(variant.workload());
            }
            variants.put(workload, ofWorkload);
        }
        Map<ModelAt, Map<Workload, String>> reasons = new LinkedHashMap<>();
        for (String model : models) {
            for (int p : cores) {
                reasons.put(new ModelAt(model, p), limitsOrNone(limits, model, p, built));
            }
        }
        int lowest = cores.stream().mapToInt(Integer::intValue).min().orElse(1);
        List<Cell> toMeasure = new ArrayList<>();
        Map<Cell, String> notApplicable = new LinkedHashMap<>();
        for (String workload : workloads) {
            for (Variant variant : variants.get(workload)) {
                for (String model : models) {
                    for (int p : cores) {
                        Cell cell = new Cell(WorkloadBenchmark.of(workload), model, p, variant.sizes(), variant.label());
                        String reason = reasons.get(new ModelAt(model, p)).get(variant.workload());
                        if (reason == null && p > lowest && isBaseline(model)) {
                            reason = "runs every unit on one thread whatever P: its figure is the one at P = " + lowest;
                        }
                        if (reason != null) {
                            notApplicable.put(cell, reason);
                        } else {
                            toMeasure.add(cell);
                            if (twins) {
                                cell.twin().ifPresent(toMeasure::add);
                            }
                        }
                    }
                }
            }
        }
        return new Plan(toMeasure, notApplicable);
    }

    /** This plan less the cells, measured or n/a, that {@code left} picks. */
    Plan without(Predicate<Cell> left) {
        Map<Cell, String> reasons = new LinkedHashMap<>(notApplicable);
        reasons.keySet().removeIf(left);
        return new Plan(toMeasure.stream().filter(left.negate()).toList(), reasons);
    }

    /**
     * This plan's cells and {@code other}'s, workload by workload in the order of {@code workloads},
     * so that an interrupted run still leaves whole tables; within a workload this plan's first.
     */
    Plan merged(Plan other, List<String> workloads) {
        List<Cell> cells = new ArrayList<>();
        Map<Cell, String> reasons = new LinkedHashMap<>();
        for (String workload : workloads) {
            for (Plan plan : List.of(this, other)) {
                plan.toMeasure().stream().filter(cell -> cell.workload().equals(workload)).forEach(cells::add);
                plan.notApplicable().forEach((cell, reason) -> {
                    if (cell.workload().equals(workload)) {
                        reasons.put(cell, reason);
                    }
                });
            }
        }
        return new Plan(cells, reasons);
    }

    /** Whether {@code model} is a registered model with no concurrency ({@link ModelTrait#BASELINE}). */
    static boolean isBaseline(String model) {
        return ModelRegistry.ids().contains(model) && ModelRegistry.provider(model).description().has(ModelTrait.BASELINE);
    }

    private record ModelAt(String model, int cores) {
    }

    /** One combination of a workload's swept sizes, and the workload it makes. */
    private record Variant(Map<String, String> sizes, String label, Workload workload) {
    }

    /**
     * A model that cannot even be created to be asked is left to its forks, which fail with the
     * model's own error and stop the comparison: a broken model is a failure, not an n/a.
     */
    private static Map<Workload, String> limitsOrNone(Limits limits, String model, int cores, List<Workload> workloads) {
        try {
            return limits.of(model, cores, workloads);
        } catch (RuntimeException cannotAsk) {
            return Map.of();
        }
    }
}
