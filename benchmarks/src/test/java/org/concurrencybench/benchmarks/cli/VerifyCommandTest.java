package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.benchmarks.common.CoresWarning;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bench verify} against the models on the class path. */
class VerifyCommandTest {

    /**
     * Every workload small enough that a run takes milliseconds: three workers in the ring, three
     * sharing the contention's counter in three stripes, three pinning workers each with a lock.
     */
    private static final String[] SMALL_SIZES = {"-p", "limit=3000", "-p", "units=6", "-p", "delayMs=1",
            "-p", "width=3", "-p", "depth=3", "-p", "hops=50", "-p", "workers=3", "-p", "locks=3", "-p", "updates=20",
            "-p", "holdMs=1", "-p", "payload=100"};

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyModelWhoseUnitsRunInThisJvmAnswersEverySmallWorkload() {
        List<String> models = ModelRegistry.providers().stream().filter(provider -> !startsProcesses(provider))
                .map(ModelProvider::id).toList();
        Assumptions.assumeFalse(models.isEmpty(), "no in-JVM model on the class path yet");
        List<String> args = new ArrayList<>(List.of("verify", "--models", String.join(",", models), "--cores", "1,2"));
        args.addAll(List.of(SMALL_SIZES));

        CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        for (String model : models) {
            for (String workload : Workloads.ids()) {
                for (int parallelism : List.of(1, 2)) {
                    assertTrue(run.outLines().stream().anyMatch(line -> line.matches(
                                    model + " +" + workload + " +" + parallelism + " .* ok")),
                            "an ok row for " + model + " x " + workload + " at P=" + parallelism + " in:\n" + run.out());
                }
            }
        }
        int runs = models.size() * Workloads.ids().size() * 2;
        assertTrue(run.out().contains(runs + " runs in "), run.out());
        assertTrue(run.out().contains(runs + " ok, 0 n/a, 0 mismatched, 0 failed"), run.out());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aModelThatStartsWorkerProcessesAnswersASmallWorkloadAndLeavesNoProcessBehind() {
        Optional<String> model = ModelRegistry.providers().stream().filter(VerifyCommandTest::startsProcesses)
                .map(ModelProvider::id).findFirst();
        Assumptions.assumeTrue(model.isPresent(), "no process model on the class path yet");

        CommandLineRun run = CommandLineRun.of("verify", "--models", model.get(), "--workloads", "cpu,handoff,io,transfer,contention",
                "--cores", "2", "-p", "limit=3000", "-p", "units=4", "-p", "hops=20", "-p", "delayMs=1", "-p", "payload=1000",
                "-p", "workers=2", "-p", "updates=10");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("5 runs in ") && run.out().contains("5 ok"), run.out());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void ioIsVerifiedAgainstItsOwnServerWhichIsGoneAfterwards() {
        Optional<String> model = ModelRegistry.providers().stream().filter(provider -> !startsProcesses(provider))
                .map(ModelProvider::id).findFirst();
        Assumptions.assumeTrue(model.isPresent(), "no in-JVM model on the class path yet");

        CommandLineRun run = CommandLineRun.of("verify", "--models", model.get(), "--workloads", "io", "--cores", "1,2",
                "-p", "units=20", "-p", "delayMs=1");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("2 runs in ") && run.out().contains("2 ok, 0 n/a, 0 mismatched, 0 failed"), run.out());
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("loopback-server-")).toList(), "a server outlived its run");
    }

    @Test
    void aDeclaredLimitIsShownAsNotApplicableWithItsReasonAndIsNoFailure() {
        Optional<Limited> limited = firstDeclaredLimit();
        if (ModelRegistry.ids().contains("threads")) {
            assertTrue(limited.isPresent(), "threads declares a limit for a million-leaf tree");
        }
        Assumptions.assumeTrue(limited.isPresent(), "no model on the class path declares a limit yet");
        Limited found = limited.get();

        CommandLineRun run = CommandLineRun.of("verify", "--models", found.model(), "--workloads", found.workload(),
                "--cores", "1");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.outLines().stream().anyMatch(line -> line.startsWith(found.model() + " ")
                        && line.contains(" " + found.workload() + " ") && line.endsWith("n/a: " + found.reason())),
                "an n/a row with the reason '" + found.reason() + "' in:\n" + run.out());
        assertTrue(run.out().contains("1 runs in ") && run.out().contains("0 ok, 1 n/a, 0 mismatched, 0 failed"),
                run.out());
    }

    @Test
    void withoutCoresItRunsAtOneAndAtTheAvailableProcessors() {
        Assumptions.assumeFalse(ModelRegistry.ids().isEmpty(), "no model on the class path yet");
        String model = ModelRegistry.providers().stream().filter(provider -> !startsProcesses(provider))
                .map(ModelProvider::id).findFirst().orElse(ModelRegistry.ids().get(0));
        String expected = new TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors())).stream()
                .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();

        CommandLineRun run = CommandLineRun.of("verify", "--models", model, "--workloads", "spawn", "-p", "units=5");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertEquals("verify: 1 models x 1 workloads x P = " + expected, run.outLines().get(0));
    }

    @Test
    void anUnknownModelNamesTheKnownOnes() {
        CommandLineRun.of("verify", "--models", "nope").assertOneLineUsageError(
                concat(List.of("unknown model 'nope'", "known models:"), ModelRegistry.ids()));
    }

    @Test
    void anUnknownWorkloadNamesTheKnownOnes() {
        CommandLineRun.of("verify", "--workloads", "cpu,nope").assertOneLineUsageError(
                "unknown workload 'nope'", "known workloads: " + String.join(", ", Workloads.ids()));
    }

    @Test
    void coresOutsideOneTo4096OrNotANumberAreRefused() {
        for (String cores : List.of("0", "two", "4097", "1,-2")) {
            CommandLineRun.of("verify", "--cores", cores).assertOneLineUsageError("--cores takes whole numbers from 1 to 4096");
        }
    }

    @Test
    void aParameterNoSelectedWorkloadHasNamesTheParametersTheyHave() {
        CommandLineRun.of("verify", "--workloads", "tree,handoff", "-p", "units=5").assertOneLineUsageError(
                "-p units: no selected workload has this parameter", "tree: width, depth; handoff: workers, hops");
    }

    @Test
    void aParameterQualifiedByItsWorkloadSetsThatWorkloadAlone() {
        String model = inJvmModel();

        CommandLineRun run = CommandLineRun.of("verify", "--models", model, "--workloads", "cpu,spawn", "--cores", "1",
                "-p", "cpu.units=5", "-p", "limit=3_000", "-p", "spawn.units=3");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertEquals("workloads: cpu(limit=3000, units=5), spawn(units=3)", run.outLines().get(1));
        assertTrue(run.out().contains("2 ok, 0 n/a, 0 mismatched, 0 failed"), run.out());
    }

    @Test
    void aListOfValuesVerifiesEachValue() {
        String model = inJvmModel();

        CommandLineRun run = CommandLineRun.of("verify", "--models", model, "--workloads", "transfer", "--cores", "1",
                "-p", "units=2", "-p", "payload=0,1_024");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertEquals("workloads: transfer(units=2), transfer(units=2, payload=1024)", run.outLines().get(1));
        assertTrue(run.out().contains("2 runs in ") && run.out().contains("2 ok, 0 n/a, 0 mismatched, 0 failed"), run.out());
    }

    @Test
    void theModelAndPAreChosenWithTheirOwnOptionsNotWithP() {
        CommandLineRun.of("verify", "-p", "cores=4").assertOneLineUsageError("-p cores is chosen with --cores, not -p");
        CommandLineRun.of("verify", "-p", "model=virtual").assertOneLineUsageError("-p model is chosen with --models, not -p");
    }

    @Test
    void anEmptyListSaysItIsEmptyRatherThanThatNothingIsBuilt() {
        CommandLineRun.of("verify", "--models", ",,").assertOneLineUsageError("--models ',,' is an empty list",
                "known models:");
        CommandLineRun.of("verify", "--workloads", ",,").assertOneLineUsageError("--workloads ',,' is an empty list",
                "known workloads: " + String.join(", ", Workloads.ids()));
        CommandLineRun.of("verify", "--cores", ",,").assertOneLineUsageError("--cores ',,' is an empty list",
                "whole numbers from 1 to 4096");
    }

    @Test
    void aPBeyondTheAvailableProcessorsIsWarnedAboutInCompareWords() {
        int processors = Runtime.getRuntime().availableProcessors();
        Assumptions.assumeTrue(processors < 99, "this machine has 99 processors or more");
        String model = inJvmModel();

        CommandLineRun run = CommandLineRun.of("verify", "--models", model, "--workloads", "spawn", "--cores", "99",
                "-p", "units=5");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.out() + run.err());
        assertTrue(run.outLines().contains("warning: " + CoresWarning.of(List.of(99), processors).getFirst()), run.out());
        assertTrue(run.out().contains("warning: P = 99 is more than the " + processors
                + " processors this process may use: the runs at that P share them"), run.out());
    }

    @Test
    void aParameterWithoutAValueShowsTheForm() {
        CommandLineRun.of("verify", "-p", "units").assertOneLineUsageError("-p takes name=value, such as -p units=100",
                "got 'units'", allParameters());
    }

    @Test
    void aParameterValueThatIsNotANumberOrOutOfItsRangeNamesWhatIsAllowed() {
        CommandLineRun.of("verify", "--workloads", "spawn", "-p", "units=many")
                .assertOneLineUsageError("spawn.units must be a whole number from 1 to 100,000,000, got 'many'");
        CommandLineRun.of("verify", "--workloads", "cpu", "-p", "limit=0")
                .assertOneLineUsageError("cpu.limit must be 1 to 1,000,000,000, got 0");
        CommandLineRun.of("verify", "--workloads", "handoff", "-p", "hops=99999999999")
                .assertOneLineUsageError("handoff.hops must be 1 to 1,000,000,000, got 99,999,999,999");
    }

    /** The first model, in rank order, whose units run in this JVM. */
    private static String inJvmModel() {
        Optional<String> model = ModelRegistry.providers().stream().filter(provider -> !startsProcesses(provider))
                .map(ModelProvider::id).findFirst();
        Assumptions.assumeTrue(model.isPresent(), "no in-JVM model on the class path yet");
        return model.get();
    }

    static boolean startsProcesses(ModelProvider provider) {
        return provider.module().equals("processes");
    }

    private record Limited(String model, String workload, String reason) {
    }

    /** The first model, in rank order, that declares a limit for a workload at its default size. */
    private static Optional<Limited> firstDeclaredLimit() {
        for (ModelProvider provider : ModelRegistry.providers()) {
            try (ConcurrencyModel model = provider.create(1)) {
                for (WorkloadSpec spec : Workloads.all()) {
                    Optional<String> reason = model.limit(spec.create());
                    if (reason.isPresent()) {
                        return Optional.of(new Limited(provider.id(), spec.id(), reason.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String allParameters() {
        return Workloads.all().stream().map(spec -> spec.id() + ": " + spec.parameterNames())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }
}
