package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A workload's sizes in which a value may be a comma-separated list, as JMH's own {@code -p}
 * takes it ({@code payload=0,65536,1048576}): a sweep. Every combination of the listed values
 * is a variant, measured in cells of its own and shown in a table of its own.
 */
public final class SizeVariants {

    private SizeVariants() {
    }

    /** The values of one size: {@code 0,65536} is two, in the order given, each once. */
    public static List<String> values(String text) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : text.split(",", -1)) {
            values.add(value.strip());
        }
        return List.copyOf(values);
    }

    /** Every combination of the values, the first parameter's changing slowest; one map when nothing is swept. */
    public static List<Map<String, String>> of(Map<String, String> sizes) {
        List<Map<String, String>> variants = new ArrayList<>();
        variants.add(new LinkedHashMap<>());
        for (Map.Entry<String, String> size : sizes.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> variant : variants) {
                for (String value : values(size.getValue())) {
                    Map<String, String> longer = new LinkedHashMap<>(variant);
                    longer.put(size.getKey(), value);
                    extended.add(longer);
                }
            }
            variants = extended;
        }
        return variants.stream().map(Collections::unmodifiableMap).toList();
    }

    /** The names of the sizes given more than one value. */
    public static List<String> swept(Map<String, String> sizes) {
        return sizes.entrySet().stream().filter(size -> values(size.getValue()).size() > 1).map(Map.Entry::getKey)
                .toList();
    }

    /** {@code payload=65536}: the swept sizes of one variant, which tell it from its siblings; empty if none. */
    public static String label(Map<String, String> variant, List<String> swept) {
        return swept.stream().filter(variant::containsKey).map(name -> name + "=" + variant.get(name))
                .collect(Collectors.joining(", "));
    }
}
