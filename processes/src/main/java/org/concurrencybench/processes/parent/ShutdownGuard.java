package org.concurrencybench.processes.parent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills a model's live worker processes if the JVM exits before the model is closed (a
 * benchmark killed with Ctrl-C, a test runner that gives up), so no worker outlives the
 * suite. One shutdown hook per model, removed when the model closes, so a long-lived JVM
 * that makes many models does not collect hooks.
 */
public final class ShutdownGuard implements AutoCloseable {

    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final Thread hook;

    public ShutdownGuard(String name) {
        hook = new Thread(this::killAll, name + "-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void track(Process process) {
        live.add(process);
    }

    void untrack(Process process) {
        live.remove(process);
    }

    private void killAll() {
        for (Process process : live) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills what is left
        }
    }
}
