package org.concurrencybench.benchmarks.cli;

import java.io.PrintWriter;
import java.util.List;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.common.SuiteVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The suite's one entry point, {@code ./bench}. With no arguments it runs
 * {@code compare --quick} (which ends with servers under load), and its help says so with how
 * long that takes.
 *
 * <p>Exit codes ({@link ExitCode}): 0 done, 1 a check failed (a wrong answer, a failed run, a
 * malformed results file), 2 a usage error: one line that names the problem and what is allowed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Bench.Version.class,
        description = {"Compares Java's concurrency models doing the same, checked work.",
                "",
                "./bench alone runs compare --quick: every model but one that starts a process per task, on every workload at P = 1"
                        + " and 2, each model's bare twin on spawn, tree and handoff, CPython's own models on cpu, blocking"
                        + " and spawn (where python3 is on the PATH), then the four common servers under load; it prints"
                        + " its plan and the time left as it goes; results go to results/<time>/."},
        subcommands = {ListCommand.class, VerifyCommand.class, DemoCommand.class, CompareCommand.class,
                ReportCommand.class, FootprintCommand.class, ServeCommand.class, LoadCommand.class})
public final class Bench {

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        String[] effective = args.length == 0 ? new String[] {"compare"} : args;
        CommandLine commandLine = new CommandLine(new Bench());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(new OneLineUsageError());
        commandLine.setExecutionExceptionHandler(new OneLineFailure());
        commandLine.setExitCodeExceptionMapper(thrown -> exitCodeOf(thrown).code());
        int code = commandLine.execute(effective);
        out.flush();
        err.flush();
        return code;
    }

    /** An IllegalArgumentException is a usage error (an unknown id, a bad size); anything else failed the run. */
    private static ExitCode exitCodeOf(Throwable thrown) {
        return thrown instanceof IllegalArgumentException ? ExitCode.USAGE : ExitCode.FAILED;
    }

    /** Picocli's parse errors (unknown option, malformed value) as one line, exit code 2. */
    private static final class OneLineUsageError implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException problem, String[] args) {
            CommandLine command = problem.getCommandLine();
            command.getErr().println("bench: " + problem.getMessage() + choices(problem) + " (see: "
                    + command.getCommandSpec().qualifiedName() + " --help)");
            return ExitCode.USAGE.code();
        }

        /** For an unknown word, what was meant and what is allowed: the commands, or the options. */
        private static String choices(ParameterException problem) {
            if (!(problem instanceof UnmatchedArgumentException unmatched)) {
                return "";
            }
            CommandSpec spec = problem.getCommandLine().getCommandSpec();
            List<String> suggestions = unmatched.getSuggestions();
            String meant = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
            boolean optionLike = unmatched.getUnmatched().stream().anyMatch(word -> word.startsWith("-"));
            if (!optionLike && !spec.subcommands().isEmpty()) {
                return meant + "; commands: " + String.join(", ", spec.subcommands().keySet());
            }
            List<String> options = spec.options().stream().map(OptionSpec::longestName).toList();
            return meant + "; options: " + String.join(", ", options);
        }
    }

    /**
     * What a command throws: an IllegalArgumentException is a usage error (an unknown id, a bad
     * size) and exits 2; anything else failed the run and exits 1. One line either way.
     */
    private static final class OneLineFailure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception thrown, CommandLine command, ParseResult parsed) {
            command.getErr().println("bench: " + (thrown.getMessage() == null ? thrown.toString() : thrown.getMessage()));
            if (Boolean.getBoolean("bench.debug")) {
                thrown.printStackTrace(command.getErr());
            }
            return exitCodeOf(thrown).code();
        }
    }

    /** The suite's version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"bench " + SuiteVersion.current() + " on Java " + Runtime.version() + " ("
                    + System.getProperty("java.vendor") + ")"};
        }
    }
}
