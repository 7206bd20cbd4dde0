package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The file names of a report's charts, after what each shows: the workload, then what tells its
 * tables apart, the sizes that differ between them ({@code contention-reentrant},
 * {@code transfer-payload-65536}); a size that is a word goes alone, a number after its name.
 * Only letters, digits and hyphens, in lower case, so that a name is the same on every file
 * system and in a URL. Names are unique within one report: a second chart that would share one
 * (two values that differ only in case or punctuation) gets a number after it.
 */
final class ChartNames {

    private final Set<String> used = new HashSet<>();

    /** The name, without {@code .png}, of {@code table}'s charts among its workload's {@code tables}. */
    String of(WorkloadTable table, List<WorkloadTable> tables) {
        List<String> parts = new ArrayList<>(List.of(table.workload()));
        parts.addAll(differing(table.sizes(), tables.stream().map(WorkloadTable::sizes).toList()));
        return unique(parts);
    }

    /**
     * The name of transfer's cost-per-unit chart of {@code cost} among {@code costs}: what tells
     * it from the others, the run ({@code run-2}, in the order of the report's runs), P
     * ({@code p2}) and the sizes.
     */
    String of(TransferCosts cost, List<TransferCosts> costs, List<Source> sources) {
        List<String> parts = new ArrayList<>(List.of(TransferCosts.WORKLOAD, "per", "unit"));
        if (costs.stream().map(TransferCosts::source).distinct().count() > 1) {
            parts.add("run-" + (Charts.runIndex(sources, cost.source()) + 1));
        }
        if (costs.stream().map(TransferCosts::cores).distinct().count() > 1) {
            parts.add("p" + cost.cores());
        }
        parts.addAll(differing(cost.sizes(), costs.stream().map(TransferCosts::sizes).toList()));
        return unique(parts);
    }

    /** {@code base} followed by {@code what} ({@code cpu-ranking}), unique as every name is. */
    String variant(String base, String what) {
        return unique(List.of(base, what));
    }

    /** The sizes of {@code sizes} that are not the same in every one of {@code all}, as name parts. */
    private static List<String> differing(Map<String, String> sizes, List<Map<String, String>> all) {
        Set<String> names = new LinkedHashSet<>(sizes.keySet());
        all.forEach(other -> names.addAll(other.keySet()));
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            String value = sizes.get(name);
            boolean same = all.stream().allMatch(other -> Objects.equals(other.get(name), value));
            if (!same && value != null) {
                parts.add(value.chars().anyMatch(Character::isLetter) ? value : name + "-" + value);
            }
        }
        return parts;
    }

    private String unique(List<String> parts) {
        String name = sanitise(String.join("-", parts));
        String candidate = name;
        for (int count = 2; !used.add(candidate); count++) {
            candidate = name + "-" + count;
        }
        return candidate;
    }

    /** Lower case, every run of characters other than a-z and 0-9 one hyphen, none at either end. */
    static String sanitise(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "chart" : name;
    }
}
