package org.concurrencybench.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the workers of a {@link Contention} guard the shared counter. */
public enum LockKind {
    /** A {@code synchronized} block on a plain object: the monitor JEP 491 stopped pinning on. */
    SYNCHRONIZED,
    /** {@link java.util.concurrent.locks.ReentrantLock}, taken interruptibly. */
    REENTRANT,
    /** {@link java.util.concurrent.atomic.AtomicLongArray#incrementAndGet}: no lock at all. */
    ATOMIC;

    /** The name used on command lines and in reports: {@code synchronized}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code id}; an unknown one names the known ones. */
    public static LockKind of(String id) {
        for (LockKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("lock must be one of " + ids() + ", got '" + id + "'");
    }

    public static String ids() {
        return Arrays.stream(values()).map(LockKind::id).collect(Collectors.joining(", "));
    }
}
