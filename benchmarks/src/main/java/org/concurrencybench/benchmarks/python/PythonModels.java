package org.concurrencybench.benchmarks.python;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelTrait;

/**
 * The Python models by id, each with what it says of itself, as a Java model's provider does:
 * how it runs each workload, where its figure is not comparable, its traits. They are not
 * {@code ModelProvider}s (no JVM runs them): the comparison measures them with the Python
 * harness, and listings and reports read them here. The sentences match the package's code in
 * {@code src/main/python/concurrency_bench/models}.
 */
public final class PythonModels {

    /** What every id of a Python model starts with. */
    public static final String PREFIX = "python-";

    /**
     * The default run's small set: these models on these workloads at these P, adding under a
     * minute to it. python-process-pool-shm is left out because these workloads move no payload,
     * where it is python-process-pool; python-process-per-task because a quick run leaves out a
     * model that starts a process per task.
     */
    public static final List<String> DEFAULT_MODELS = List.of("python-threads", "python-thread-pool", "python-process-pool",
            "python-asyncio");
    public static final List<String> DEFAULT_WORKLOADS = List.of("cpu", "blocking", "spawn");
    public static final List<Integer> DEFAULT_CORES = List.of(1, 2);

    /**
     * The sizes the Python cells of a run take before the command line's {@code -p}, where they
     * differ from the run's. Trial division in CPython is about a hundred times slower than on the
     * JIT, so the catalog's cpu (primes below 2,000,000, half a minute an operation) counts the
     * primes below 100,000 (0.1 to 0.3 s on one core); a threading.Thread takes about 0.2 ms to
     * start and join on the reference machine, so spawn starts 1,000 tasks, not 10,000. The run
     * measures the Java baseline at these sizes too.
     */
    public static final List<String> SIZES = List.of("cpu.limit=100000", "spawn.units=1000");

    private static final Map<String, ModelDescription> MODELS = catalog();

    /** The models whose tasks share one interpreter, and so its GIL: threads, a thread pool, an event loop. */
    private static final Set<String> ONE_INTERPRETER = Set.of("python-threads", "python-thread-pool", "python-asyncio");

    private PythonModels() {
    }

    /** Every Python model, in the order reports list them. */
    public static List<String> ids() {
        return List.copyOf(MODELS.keySet());
    }

    public static boolean has(String id) {
        return MODELS.containsKey(id);
    }

    /** What the model says of itself; empty for an id that is not a Python model. */
    public static Optional<ModelDescription> description(String id) {
        return Optional.ofNullable(MODELS.get(id));
    }

    /**
     * Whether the model's tasks all run in one interpreter and share its GIL (threads, a thread
     * pool, an event loop), rather than in processes that each have their own.
     */
    public static boolean inOneInterpreter(String id) {
        return ONE_INTERPRETER.contains(id);
    }

    /** Where a Python model comes in tables: after every Java model, in this catalog's order; -1 for other ids. */
    public static int rank(String id) {
        return ids().indexOf(id);
    }

    private static Map<String, ModelDescription> catalog() {
        Map<String, ModelDescription> models = new LinkedHashMap<>();
        models.put("python-threads", ModelDescription.of("CPython: a threading.Thread per task, started and joined"
                        + " (the notebook's myThread); one thread runs Python code at a time under the GIL")
                .on("batch", "starts and joins a threading.Thread per unit; the GIL lets one thread run Python code at"
                        + " a time")
                .on("cpu", "a threading.Thread per slice; the GIL lets one of them compute at a time, so more cores"
                        + " do not make it faster")
                .on("blocking", "a threading.Thread per task; time.sleep lets the GIL go, so every sleep overlaps")
                .on("mixed", "a threading.Thread per task computes its slice under the GIL, then sleeps without it:"
                        + " the waits overlap, the slices take turns")
                .on("io", "a threading.Thread per request blocks in its socket read without the GIL: every request"
                        + " is in flight at once")
                .on("transfer", "a threading.Thread per task; the bytes reach the caller by reference")
                .on("tree", "a threading.Thread per node; each inner node starts its children and joins them")
                .on("relay", "a threading.Thread per worker; the token goes over a queue.Queue, so a hop wakes the"
                        + " next thread and hands it the GIL")
                .on("contention", "a threading.Thread per worker over one shared counter under threading.Lock"
                        + " (synchronized) or threading.RLock (reentrant); atomic is n/a: the standard library has no"
                        + " atomic integer")
                .on("pinning", "a threading.Thread per worker, each sleeping inside its own threading.Lock without the"
                        + " GIL: every wait can overlap")
                .build());
        models.put("python-thread-pool", ModelDescription.of("CPython: concurrent.futures.ThreadPoolExecutor(P),"
                        + " a future per task on P threads under the GIL")
                .on("batch", "submits a future per unit to ThreadPoolExecutor(P); the GIL lets one of its threads run"
                        + " Python code at a time")
                .on("cpu", "a future per slice on P threads; the GIL lets one compute at a time, so more cores do not"
                        + " make it faster")
                .on("blocking", "a future per task on P threads; a sleeping task holds its thread, so P sleeps overlap"
                        + " at a time")
                .on("mixed", "holds one of its P threads through each sleep, so at most P waits overlap")
                .on("io", "blocks one of its P threads in each read: P requests are in flight at a time")
                .on("transfer", "a future per task on P threads; the bytes reach the caller by reference")
                .on("tree", "a future per node; a node submits its children and reports its sum upward, because a"
                        + " pool thread that waited for its children could deadlock the pool")
                .on("relay", "each hop a future submitted by the one before: a hop is a task handed between the pool's"
                        + " threads")
                .on("contention", "a future per worker on P threads over one shared counter under threading.Lock or"
                        + " RLock; atomic is n/a: the standard library has no atomic integer")
                .on("pinning", "waits on its P threads, P at a time")
                .build());
        models.put("python-process-pool", processPool(ModelDescription.of("CPython: multiprocessing.Pool(P), P worker"
                        + " interpreters with a GIL each, fed by Pool.map in chunks over pipes"))
                .on("transfer", "a unit's bytes come back pickled through the pool's pipe; the parent checks what"
                        + " arrived")
                .build());
        models.put("python-process-pool-shm", processPool(ModelDescription.of("CPython: python-process-pool, but a"
                        + " unit's payload bytes go through a multiprocessing.shared_memory block"))
                .on("transfer", "the worker writes a unit's bytes into the unit's region of a"
                        + " multiprocessing.shared_memory block and only its number goes through the pipe; the parent"
                        + " checks the bytes in place")
                .build());
        models.put("python-process-per-task", ModelDescription.of("CPython: a multiprocessing.Process per task, at"
                        + " most P alive, each answering over its own Pipe")
                .on("batch", "starts a multiprocessing.Process per unit with the platform's start method, at most P"
                        + " alive; each answers over its own Pipe and exits")
                .on("blocking", "a process per task, P alive at a time: P sleeps overlap at a time")
                .on("mixed", "a process per task, P alive at a time: P waits overlap at a time")
                .on("io", "a process per request, P alive at a time: P requests in flight")
                .on("tree", "a process per node, bottom-up: a node's process starts once its children have answered"
                        + " and is handed their sums")
                .on("relay", "a ring of W processes alive together, passing the token over Pipes")
                .on("contention", "a process per worker, P at a time, over a multiprocessing.Array with a"
                        + " multiprocessing.Lock (or RLock) per stripe; atomic is n/a: the standard library has no"
                        + " atomic add on shared memory")
                .on("pinning", "a process per worker, P at a time, each sleeping inside its own multiprocessing.Lock")
                .with(ModelTrait.PROCESS_PER_TASK)
                .build());
        models.put("python-asyncio", ModelDescription.of("CPython: asyncio, a task per unit on one event loop in one"
                        + " thread; waits as asyncio.sleep, io through asyncio streams")
                .on("batch", "a task per unit on one event loop; computing runs on its one thread in turn")
                .on("cpu", "a task per slice on one event loop: the slices run one after another on its thread,"
                        + " whatever P is")
                .on("blocking", "awaits asyncio.sleep, which holds no thread: every sleep overlaps")
                .on("mixed", "computes each slice on the loop, then awaits asyncio.sleep: the waits overlap, the slices"
                        + " take turns")
                .on("io", "connects, writes and reads through asyncio streams: every request is in flight at once")
                .on("transfer", "a task per unit on one event loop; the bytes reach the caller by reference")
                .on("tree", "a task per node, the children's sums gathered with asyncio.gather")
                .on("relay", "a task per worker; the token goes over an asyncio.Queue, a hop a switch between tasks on"
                        + " one thread")
                .on("contention", "a task per worker over one shared counter under asyncio.Lock (synchronized and"
                        + " reentrant alike: asyncio has no other lock); atomic is a plain increment, which nothing"
                        + " interrupts between two awaits")
                .on("pinning", "awaits asyncio.sleep inside its own asyncio.Lock and holds no thread: every wait overlaps")
                .build());
        return models;
    }

    /** What the two process pools share. */
    private static ModelDescription.Builder processPool(ModelDescription.Builder builder) {
        return builder
                .on("batch", "sends the units to P worker interpreters with Pool.map in its chunks (units / 4P each);"
                        + " each worker has a GIL of its own")
                .on("cpu", "P worker interpreters compute the slices, each with a GIL of its own: the Python model whose"
                        + " cpu figure can fall as P grows")
                .on("blocking", "P worker processes, each sleeping through its chunks of units in turn: P sleeps"
                        + " overlap at a time")
                .on("mixed", "P worker processes, each computing and waiting through its chunks in turn: P waits at a"
                        + " time")
                .on("io", "P worker processes, each sending its chunk's requests in turn: P requests in flight")
                .on("tree", "cuts the tree into a few subtrees per worker and walks each one sequentially")
                .on("relay", "relays the token through the parent: each hop a task sent to the pool and answered, a"
                        + " round trip over its pipes")
                .on("contention", "spreads the workers over its P processes, which run them one after another, on a"
                        + " counter in a shared memory-mapped file under fcntl file locks; atomic is n/a: the standard"
                        + " library has no atomic add on shared memory")
                .on("pinning", "waits in its P processes, P at a time, each under an fcntl file lock")
                .notComparable("spawn", "its figure is a few chunked round trips to its workers, not a task per unit")
                .notComparable("tree", "its workers walk subtrees sequentially: the figure is not a task per node");
    }
}
