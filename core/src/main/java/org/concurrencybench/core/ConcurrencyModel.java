package org.concurrencybench.core;

import java.io.IOException;
import java.util.Optional;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * One way of running work concurrently, such as a fixed thread pool or one virtual thread per
 * task. Implementations extend {@link AbstractConcurrencyModel}, which demands one method per
 * workload kind, and are found by id through {@link ModelRegistry}.
 *
 * <p>A model lives as long as this object: its pools, carriers and worker processes are made
 * when it is created and ended by {@link #close()}, not per run, so that a benchmark times the
 * work and not the set-up. Runs do not overlap: a caller runs one workload at a time.
 *
 * <p>The contract, checked for every model by the contract test in core's test-jar:
 * <ul>
 *   <li>{@link #run} returns the workload's answer, or throws; when it returns or throws,
 *       nothing of that run is still running;</li>
 *   <li>a unit that throws fails the run promptly with a {@link RunFailedException} whose
 *       cause is that exception (or, across a process boundary, one that carries its text);
 *       the other units are cancelled;</li>
 *   <li>interrupting the calling thread cancels the run, which throws
 *       {@link InterruptedException}; the model stays usable; a caller already interrupted
 *       when it calls {@link #run} gets that exception and no unit starts;</li>
 *   <li>a workload the model cannot run honestly is refused before anything starts, with
 *       an {@link IllegalArgumentException} whose message is {@link #limit}'s reason;</li>
 *   <li>{@link #close()} is idempotent, ends every thread and process of the model and waits
 *       for them; a closed model refuses work with an {@link IllegalStateException};</li>
 *   <li>platform threads the model starts are named {@code <id>-...}.</li>
 * </ul>
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** The model's id, such as {@code thread-pool}. */
    String id();

    /** P: the cores this model may use. Bounded models size their pools by it. */
    int parallelism();

    /**
     * Why this model cannot run {@code workload} honestly (a million platform threads, ten
     * thousand JVMs), naming the parameter, its value and what is allowed; empty when it can.
     */
    Optional<String> limit(Workload workload);

    /** Runs the workload once and returns its answer. */
    long run(Workload workload) throws InterruptedException;

    /**
     * Why this model cannot serve {@code serve} honestly, naming what is allowed; empty when it
     * can. A model whose idiom has no server of its own says so here rather than faking one.
     */
    Optional<String> limit(Serve serve);

    /**
     * Starts this model's HTTP/1.1 server for {@code serve}, in the model's own idiom, on
     * 127.0.0.1 at {@code port} (0: a port the OS picks), and returns it once it accepts
     * connections. A port in use fails with a {@link java.net.BindException}; a service past the
     * model's {@link #limit(Serve) limit} is refused with an {@link IllegalArgumentException}
     * before anything starts. Closing the model closes its servers.
     */
    Server serve(Serve serve, int port) throws IOException;

    /** Ends every thread and process of this model and waits for them. Idempotent. */
    @Override
    void close();
}
