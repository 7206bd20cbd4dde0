package org.concurrencybench.benchmarks.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSizes;
import org.concurrencybench.core.Workloads;

/**
 * The command line's shared choices: which models, which workloads, which P, which sizes. Each
 * parser refuses a bad value with an IllegalArgumentException whose message names the value and
 * the valid choices (the command line turns it into one line and exit code 2).
 */
public final class Selection {

    private Selection() {
    }

    /** Model ids from {@code a,b}; empty or null means every model, in rank order. */
    public static List<String> models(String csv) {
        return pick("--models", "model", csv, ModelRegistry.ids());
    }

    /**
     * Model ids from {@code a,b}, each a registered model or one of {@code others} (models that
     * run outside the JVM, such as the Python models); empty or null means every registered model.
     */
    public static List<String> models(String csv, List<String> others) {
        List<String> known = new ArrayList<>(ModelRegistry.ids());
        others.stream().filter(other -> !known.contains(other)).forEach(known::add);
        return csv == null || csv.isBlank() ? ModelRegistry.ids() : pick("--models", "model", csv, known);
    }

    /** Workload ids from {@code x,y}; empty or null means every workload, in catalog order. */
    public static List<String> workloads(String csv) {
        return pick("--workloads", "workload", csv, Workloads.ids());
    }

    /**
     * The sizes of {@code workloads} from {@code -p} options, read by the catalog's one reader;
     * the model and P, which JMH also calls parameters, are refused with the option that sets them.
     */
    public static WorkloadSizes sizes(List<String> workloads, List<String> options) {
        for (String option : options) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')).strip() : option.strip();
            if (name.equals("model") || name.equals("cores")) {
                throw new IllegalArgumentException("-p " + name + " is chosen with --" + (name.equals("model") ? "models" : "cores")
                        + ", not -p");
            }
        }
        return WorkloadSizes.parse(workloads, options);
    }

    /**
     * P values from {@code 1,2,8}, or {@code all} for {@link #ladder(int) the ladder} up to the
     * machine's available processors; empty or null means {@code defaultCores}.
     */
    public static List<Integer> cores(String csv, List<Integer> defaultCores) {
        if (csv == null || csv.isBlank()) {
            return defaultCores;
        }
        if (csv.strip().equals("all")) {
            return ladder(Runtime.getRuntime().availableProcessors());
        }
        List<String> items = split(csv);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("--cores '" + csv + "' is an empty list; give whole numbers from 1 to "
                    + Checks.MAX_PARALLELISM + " separated by commas, such as --cores 1,2, or 'all'");
        }
        Set<Integer> cores = new TreeSet<>();
        for (String item : items) {
            int value;
            try {
                value = Integer.parseInt(item);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("--cores takes whole numbers from 1 to " + Checks.MAX_PARALLELISM
                        + " separated by commas, or 'all'; got '" + item + "'");
            }
            if (value < 1 || value > Checks.MAX_PARALLELISM) {
                throw new IllegalArgumentException("--cores takes whole numbers from 1 to " + Checks.MAX_PARALLELISM
                        + ", or 'all'; got " + value);
            }
            cores.add(value);
        }
        return List.copyOf(cores);
    }

    /** 1, 2, 4, ... doubling, and {@code processors} itself: P = 1, 2, 4, 6 on six cores. */
    public static List<Integer> ladder(int processors) {
        Set<Integer> ladder = new TreeSet<>();
        for (int p = 1; p <= processors; p *= 2) {
            ladder.add(p);
        }
        ladder.add(Math.max(1, processors));
        return List.copyOf(ladder);
    }

    private static List<String> pick(String option, String what, String csv, List<String> known) {
        if (csv == null || csv.isBlank()) {
            return known;
        }
        List<String> items = split(csv);
        if (items.isEmpty()) {
            throw new IllegalArgumentException(option + " '" + csv + "' is an empty list; name " + what + "s separated by"
                    + " commas, or leave " + option + " out for all; known " + what + "s: " + String.join(", ", known));
        }
        Set<String> picked = new LinkedHashSet<>();
        for (String item : items) {
            if (!known.contains(item)) {
                throw new IllegalArgumentException("unknown " + what + " '" + item + "'; known " + what + "s: "
                        + String.join(", ", known));
            }
            picked.add(item);
        }
        return List.copyOf(picked);
    }

    private static List<String> split(String csv) {
        List<String> items = new ArrayList<>();
        for (String item : csv.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
