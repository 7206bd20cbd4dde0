package org.concurrencybench.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.concurrencybench.benchmarks.common.ForkPinning;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;

/**
 * One model's server in a JVM of its own, for a load run:
 * {@code ServerMain <model> <P> <work> <delayMs> <units> <poolThreads>}. It creates the model at P,
 * serves on a free port of 127.0.0.1, prints {@code port <n>} on standard output, and ends, closing
 * server and model, when its standard input closes: the JVM that started it holds the other end,
 * so the server cannot outlive it. A usage error (a model that cannot serve these sizes) is one
 * line on standard error and exit code 2; a server that cannot start, exit code 1.
 */
public final class ServerMain {

    static final String PORT_PREFIX = "port ";
    /** The line that carries the model's limit(Serve), the reason it declines these sizes. */
    static final String REFUSED_PREFIX = "cannot serve: ";

    private ServerMain() {
    }

    public static void main(String[] args) {
        // held to its CPUs before the server starts a thread or a process
        ForkPinning.applyIfAsked();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length != 6) {
            err.println("usage: ServerMain <model> <P> <work> <delayMs> <units> <poolThreads>; got " + args.length
                    + " arguments");
            return 2;
        }
        ConcurrencyModel model;
        Serve serve;
        try {
            serve = new Serve(Long.parseLong(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            model = ModelRegistry.create(args[0], Integer.parseInt(args[1]));
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            return 2;
        }
        try (model) {
            Optional<String> limit = model.limit(serve);
            if (limit.isPresent()) {
                err.println(REFUSED_PREFIX + limit.get());
                return 2;
            }
            Server server;
            try {
                server = model.serve(serve, 0);
            } catch (IllegalArgumentException refused) {
                err.println(refused.getMessage());
                return 2;
            }
            try (server) {
                out.println(PORT_PREFIX + server.address().getPort());
                out.flush();
                // blocks until the starting JVM closes the pipe or ends
                while (in.read(new byte[256]) >= 0) {
                    // anything sent is ignored: only the end of the stream counts
                }
            }
            return 0;
        } catch (IOException | RuntimeException failed) {
            err.println("the " + args[0] + " server failed: " + failed);
            return 1;
        }
    }
}
