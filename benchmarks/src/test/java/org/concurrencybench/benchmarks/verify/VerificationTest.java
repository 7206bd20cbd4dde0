package org.concurrencybench.benchmarks.verify;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;

/** The verification's failure paths, with models that fail on purpose. */
class VerificationTest {

    private final List<SelectedWorkload> workloads = List.of(
            SelectedWorkload.of("cpu", Map.of("limit", "1000", "units", "2")),
            SelectedWorkload.of("spawn", Map.of("units", "3")));
    private final List<MisbehavingModel> created = new ArrayList<>();
    private final StringWriter printed = new StringWriter();

    /** Runs the verification over {@code models} at P = 1 with the given behaviour per id; returns the exit code. */
    private ExitCode verify(List<String> models, List<Integer> cores, Map<String, MisbehavingModel.Behaviour> behaviours)
            throws InterruptedException {
        VerifyReport report = new VerifyReport(new PrintWriter(printed), models, described(), cores);
        report.header();
        new Verification((id, parallelism) -> {
            MisbehavingModel model = new MisbehavingModel(id, parallelism, behaviours.get(id));
            created.add(model);
            return model;
        }, report).run(models, cores, workloads);
        return report.summary(0);
    }

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("loopback-server-")).toList();
    }

    private List<Workload> described() {
        return workloads.stream().map(SelectedWorkload::described).toList();
    }

    private List<String> lines() {
        return printed.toString().lines().toList();
    }

    private String row(String model, String workload) {
        return lines().stream().filter(line -> line.startsWith(model + " ") && line.contains(" " + workload + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + model + " x " + workload + " in:\n"
                        + printed));
    }

    @Test
    void aWrongAnswerIsAMismatchRowWithBothNumbersAndFailsTheVerification() throws InterruptedException {
        ExitCode exitCode = verify(List.of("wrong"), List.of(1), Map.of("wrong", workload -> workload.expected() + 1));

        assertEquals(ExitCode.FAILED, exitCode);
        assertTrue(row("wrong", "spawn").matches("wrong +spawn +1 +4 +3 +\\S+ +MISMATCH"), row("wrong", "spawn"));
        assertTrue(lines().contains("not verified: wrong x cpu at P=1 (MISMATCH), wrong x spawn at P=1 (MISMATCH)"),
                printed.toString());
    }

    @Test
    void aRunThatThrowsIsAFailedRowWithTheFirstLineOfItsMessageAndTheOtherRunsGoOn() throws InterruptedException {
        MisbehavingModel.Behaviour cpuFails = workload -> {
            if (workload.name().equals("cpu")) {
                throw new RunFailedException("broken", workload.describe(), "worker 2 exited with 137",
                        new IllegalStateException("stderr tail"));
            }
            return workload.expected();
        };

        ExitCode exitCode = verify(List.of("broken", "sound"), List.of(1, 2),
                Map.of("broken", cpuFails, "sound", MisbehavingModel.RIGHT));

        assertEquals(ExitCode.FAILED, exitCode);
        assertTrue(row("broken", "cpu").endsWith(
                "FAILED: model broken, workload cpu(limit=1000, units=2): worker 2 exited with 137"), row("broken", "cpu"));
        assertTrue(row("broken", "spawn").endsWith(" ok"), printed.toString());
        assertTrue(row("sound", "cpu").endsWith(" ok"), printed.toString());
        assertTrue(lines().contains("8 runs in 0.0 s: 6 ok, 0 n/a, 0 mismatched, 2 failed"), printed.toString());
        assertTrue(lines().contains("not verified: broken x cpu at P=1 (FAILED), broken x cpu at P=2 (FAILED)"),
                printed.toString());
    }

    @Test
    void ioIsRunAgainstAServerOpenedForTheRunAloneWhichAnswersEveryUnit() throws InterruptedException {
        List<SelectedWorkload> io = List.of(SelectedWorkload.of("io", Map.of("units", "5", "delayMs", "1")));
        List<Integer> ports = new ArrayList<>();
        List<Boolean> serverRanDuringTheRun = new ArrayList<>();
        MisbehavingModel.Behaviour onTheCallingThread = workload -> {
            Batch batch = (Batch) workload;
            int port = ((Request) batch.kernel()).port();
            ports.add(port);
            serverRanDuringTheRun.add(serverThreads().contains("loopback-server-" + port));
            return batch.runRange(0, batch.units());
        };
        VerifyReport report = new VerifyReport(new PrintWriter(printed), List.of("caller"),
                io.stream().map(SelectedWorkload::described).toList(), List.of(1, 2));

        new Verification((id, parallelism) -> new MisbehavingModel(id, parallelism, onTheCallingThread), report)
                .run(List.of("caller"), List.of(1, 2), io);

        assertEquals(ExitCode.OK, report.summary(0), printed.toString());
        assertTrue(row("caller", "io").endsWith(" ok"), printed.toString());
        assertEquals(List.of(true, true), serverRanDuringTheRun);
        assertTrue(ports.get(0) != 0 && ports.get(1) != 0, "each run was bound to a server: " + ports);
        assertEquals(0, ((Request) ((Batch) io.getFirst().described()).kernel()).port(),
                "the workload the table describes stays unbound; each run had one of its own");
        assertEquals(List.of(), serverThreads(), "every server stopped with its run");
    }

    @Test
    void aModelThatRefusesIoIsAskedBeforeAnyServerStarts() throws InterruptedException {
        List<SelectedWorkload> io = List.of(SelectedWorkload.of("io", Map.of("units", "5", "delayMs", "1")));
        VerifyReport report = new VerifyReport(new PrintWriter(printed), List.of("bounded"),
                io.stream().map(SelectedWorkload::described).toList(), List.of(1));
        List<MisbehavingModel> models = new ArrayList<>();

        new Verification((id, parallelism) -> {
            MisbehavingModel model = new MisbehavingModel(id, parallelism, MisbehavingModel.RIGHT)
                    .limitedOn("io", "too many sockets");
            models.add(model);
            return model;
        }, report).run(List.of("bounded"), List.of(1), io);

        assertTrue(row("bounded", "io").endsWith("n/a: too many sockets"), printed.toString());
        assertEquals(0, models.getFirst().runs());
    }

    @Test
    void aMultiLineFailureIsShownAsItsFirstLine() {
        assertEquals("worker 1 exited with 1", Verification.oneLine(
                new IllegalStateException("worker 1 exited with 1\nException in thread main\n\tat Worker.main")));
        assertEquals(IllegalStateException.class.getName(), Verification.oneLine(new IllegalStateException()));
    }

    @Test
    void aModelThatCannotBeCreatedFailsEachOfItsPairsAndTheOtherModelsStillRun() throws InterruptedException {
        VerifyReport report = new VerifyReport(new PrintWriter(printed), List.of("unstartable", "sound"), described(),
                List.of(1));
        new Verification((id, parallelism) -> {
            if (id.equals("unstartable")) {
                throw new IllegalStateException("could not start worker 1: no such file");
            }
            return new MisbehavingModel(id, parallelism, MisbehavingModel.RIGHT);
        }, report).run(List.of("unstartable", "sound"), List.of(1), workloads);

        assertEquals(ExitCode.FAILED, report.summary(0));
        for (String workload : List.of("cpu", "spawn")) {
            assertTrue(row("unstartable", workload).endsWith(
                    "FAILED: the model could not be created: could not start worker 1: no such file"), printed.toString());
            assertTrue(row("sound", workload).endsWith(" ok"), printed.toString());
        }
    }

    @Test
    void aDeclaredLimitIsNotApplicableIsNotRunAndIsNoFailure() throws InterruptedException {
        VerifyReport report = new VerifyReport(new PrintWriter(printed), List.of("bounded"), described(), List.of(1));
        List<MisbehavingModel> models = new ArrayList<>();
        new Verification((id, parallelism) -> {
            MisbehavingModel model = new MisbehavingModel(id, parallelism, MisbehavingModel.RIGHT)
                    .limitedOn("cpu", "units=2 is too few to be honest");
            models.add(model);
            return model;
        }, report).run(List.of("bounded"), List.of(1), workloads);

        assertEquals(ExitCode.OK, report.summary(0));
        assertTrue(row("bounded", "cpu").matches("bounded +cpu +1 +- +\\S+ +- +n/a: units=2 is too few to be honest"),
                row("bounded", "cpu"));
        assertEquals(1, models.get(0).runs(), "only spawn was run");
    }

    @Test
    void eachModelIsCreatedOncePerParallelismAndClosedAfterItsWorkloads() throws InterruptedException {
        verify(List.of("a", "b"), List.of(1, 2), Map.of("a", MisbehavingModel.RIGHT, "b", MisbehavingModel.RIGHT));

        assertEquals(List.of("a(P=1, closed)", "a(P=2, closed)", "b(P=1, closed)", "b(P=2, closed)"),
                created.stream().map(Object::toString).toList());
        assertAll(created.stream().map(model -> () -> assertEquals(workloads.size(), model.runs(), model.toString())));
    }

    @Test
    void anInterruptedRunStopsTheVerificationAndStillClosesTheModel() {
        assertThrows(InterruptedException.class, () -> verify(List.of("interrupted", "never"), List.of(1),
                Map.of("interrupted", workload -> {
                    throw new InterruptedException("stopped");
                }, "never", MisbehavingModel.RIGHT)));

        assertEquals(List.of("interrupted(P=1, closed)"), created.stream().map(Object::toString).toList());
    }
}
