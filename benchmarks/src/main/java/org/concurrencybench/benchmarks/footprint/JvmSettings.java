package org.concurrencybench.benchmarks.footprint;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The settings in force in a measuring JVM that decide what a task costs: the platform thread
 * stack size ({@code -Xss}, HotSpot's {@code ThreadStackSize}), the largest heap
 * ({@code -Xmx}, {@code MaxHeapSize}) and the collector. Read from the JVM itself, as
 * {@code -XX:+PrintFlagsFinal} would print them, so defaults are reported as well as options.
 *
 * @param threadStackSizeKb the stack each platform thread reserves, in KB (0: the OS default)
 * @param gc                the collector, such as {@code G1}
 */
record JvmSettings(long threadStackSizeKb, long maxHeapBytes, String gc) {

    /** HotSpot's flags for each collector, and the names the report gives them. */
    private static final List<String[]> COLLECTORS = List.of(new String[] {"UseSerialGC", "Serial"},
            new String[] {"UseParallelGC", "Parallel"}, new String[] {"UseG1GC", "G1"}, new String[] {"UseZGC", "ZGC"},
            new String[] {"UseShenandoahGC", "Shenandoah"}, new String[] {"UseEpsilonGC", "Epsilon"});

    /** The settings of this JVM. */
    static JvmSettings ofThisJvm() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return new JvmSettings(Long.parseLong(option(hotSpot, "ThreadStackSize")),
                Long.parseLong(option(hotSpot, "MaxHeapSize")), collector(hotSpot));
    }

    private static String collector(HotSpotDiagnosticMXBean hotSpot) {
        for (String[] collector : COLLECTORS) {
            if ("true".equals(option(hotSpot, collector[0]))) {
                return collector[1];
            }
        }
        // a collector this list does not know: the names its memory managers go by
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    /** The value of a VM option, or null when this JVM does not have it (a collector it was built without). */
    private static String option(HotSpotDiagnosticMXBean hotSpot, String name) {
        try {
            return hotSpot.getVMOption(name).getValue();
        } catch (IllegalArgumentException noSuchOption) {
            return null;
        }
    }

    /** {@code -Xss 1,024 KB, -Xmx 3,072 MB, G1}. */
    String describe() {
        return "-Xss (ThreadStackSize) " + String.format("%,d", threadStackSizeKb) + " KB, -Xmx (MaxHeapSize) "
                + String.format("%,d", maxHeapBytes >> 20) + " MB, " + gc + " collector";
    }
}
