package org.concurrencybench.core;

import java.util.Map;

/**
 * The notebook's first demonstration: unit {@code i} prints which thread and which process
 * runs task {@code i + 1}, and returns its index. A virtual thread is shown with its carrier.
 * Worker processes forward what their units print to the parent's standard output.
 */
public record WhoRuns() implements Kernel {

    @Override
    public long run(int unit, int units) {
        int task = unit + 1;
        System.out.println("Task " + task + " assigned to thread: " + describe(Thread.currentThread()));
        System.out.println("ID of process running task " + task + ": " + ProcessHandle.current().pid());
        return unit;
    }

    /**
     * The thread's name; for a virtual thread, {@code virtual <name> #<id> on carrier <carrier>}:
     * the threads of a run may share one name, and the id tells them apart.
     */
    public static String describe(Thread thread) {
        if (!thread.isVirtual()) {
            return thread.getName();
        }
        // VirtualThread#toString is "VirtualThread[#22,name]/runnable@ForkJoinPool-1-worker-1"
        String text = thread.toString();
        int at = text.lastIndexOf('@');
        String carrier = at < 0 ? "none" : text.substring(at + 1);
        String name = (thread.getName().isEmpty() ? "" : thread.getName() + " ") + "#" + thread.threadId();
        return "virtual " + name + " on carrier " + carrier;
    }

    @Override
    public long expected(int units) {
        return Identity.sumOfIndices(units);
    }

    @Override
    public boolean waits() {
        return false;
    }

    @Override
    public Map<String, Long> parameters() {
        return Map.of();
    }
}
