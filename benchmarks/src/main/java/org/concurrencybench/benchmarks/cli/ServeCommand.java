package org.concurrencybench.benchmarks.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.concurrencybench.benchmarks.load.ServeSizes;
import org.concurrencybench.core.Checks;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench serve}: one model's server in this JVM, in the foreground, until Ctrl-C; a
 * shutdown hook closes the server and the model. Every option is checked, and the model asked
 * whether it can serve these sizes, before anything listens: a mistake is one line and exit
 * code 2, with no model or socket left behind.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one model's HTTP/1.1 server in the foreground until Ctrl-C.",
                "GET /unit/<i> counts the primes of slice i (work numbers), waits delayMs, and answers \"<i> <count>\"."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "ID", description = "the model that serves; see: bench list")
    private String model;

    @Option(names = "--cores", paramLabel = "P",
            description = "the model's P (default: the processors this JVM sees); this JVM is not pinned to P cores")
    private Integer cores;

    @Option(names = "--port", paramLabel = "N", description = "the port on 127.0.0.1, 1 to 65535, or 0 for a free one"
            + " (default: 8080)")
    private int port = 8080;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "the service's sizes: work (default 100), delayMs (10), units (1,000), poolThreads (200);"
                    + " repeatable")
    private List<String> params = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Serve serve = ServeSizes.parse(params);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 1 to 65535, or 0 for a free port; got " + port);
        }
        int parallelism = cores != null ? cores : Runtime.getRuntime().availableProcessors();
        if (parallelism < 1 || parallelism > Checks.MAX_PARALLELISM) {
            throw new IllegalArgumentException("--cores must be from 1 to " + Checks.MAX_PARALLELISM + ", got " + parallelism);
        }
        ModelRegistry.provider(model);
        ConcurrencyModel created = ModelRegistry.create(model, parallelism);
        Server server;
        try {
            Optional<String> limit = created.limit(serve);
            if (limit.isPresent()) {
                throw new IllegalArgumentException(model + " cannot serve: " + limit.get());
            }
            server = created.serve(serve, port);
        } catch (BindException inUse) {
            created.close();
            throw new IllegalArgumentException("--port " + port + " cannot be bound on 127.0.0.1 (" + inUse.getMessage()
                    + "); choose another port, or --port 0 for a free one");
        } catch (IOException | RuntimeException failed) {
            created.close();
            throw failed;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            created.close();
            stopped.countDown();
        }, "bench-serve-stop"));
        int bound = server.address().getPort();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("bench serve: %s at P = %d on http://127.0.0.1:%d/unit/<i>, 0 <= i < %,d (work=%,d, delayMs=%d,"
                        + " poolThreads=%d)%n", model, parallelism, bound, serve.units(), serve.work(), serve.delayMs(),
                serve.poolThreads());
        out.printf("  try: curl http://127.0.0.1:%d/unit/7%n", bound);
        out.println("  Ctrl-C stops it.");
        out.flush();
        stopped.await();
        return 0;
    }
}
