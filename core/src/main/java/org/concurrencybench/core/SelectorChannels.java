package org.concurrencybench.core;

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/** What every selector-driven server of the suite does when it stops: close all it holds, whatever state it is in. */
public final class SelectorChannels {

    private SelectorChannels() {
    }

    /**
     * Closes every channel registered with {@code selector}, then the selector (closing it
     * deregisters the channels, and only then are their sockets released), then {@code listener}.
     */
    public static void closeAll(Selector selector, AutoCloseable listener) {
        if (selector.isOpen()) {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            closeQuietly(selector);
        }
        closeQuietly(listener);
    }

    /** Closes {@code closeable}, ignoring any failure: the server is stopping. */
    public static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // stopping, whatever state it was in
        }
    }
}
