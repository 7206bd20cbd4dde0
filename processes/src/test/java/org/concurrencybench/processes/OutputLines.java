package org.concurrencybench.processes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The lines a model's workers printed, collected in place of the parent's standard output. */
final class OutputLines implements Consumer<String> {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String watchedPrefix;
    private final Semaphore watchedSeen = new Semaphore(0);

    /** Collects lines and counts those starting with {@code watchedPrefix}. */
    OutputLines(String watchedPrefix) {
        this.watchedPrefix = watchedPrefix;
    }

    @Override
    public void accept(String line) {
        lines.add(line);
        if (line.startsWith(watchedPrefix)) {
            watchedSeen.release();
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until {@code count} lines with the watched prefix have arrived. */
    boolean awaitWatched(int count, long timeout, TimeUnit unit) throws InterruptedException {
        return watchedSeen.tryAcquire(count, timeout, unit);
    }
}
