package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AsyncModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return AsyncModel.ID;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void waitingUnitsHoldNoThreadSoTheyAllStartOnOnePoolThread() throws Exception {
        ConcurrencyModel model = newModel(1);
        Batch holding = new Batch("probe", new Probe(-1, HOLD_MS), 4);
        long startedBefore = Probe.startedUnits();
        HeldRun run = HeldRun.start(model, holding);

        assertTrue(Probe.awaitStarted(startedBefore + 4, 1, TimeUnit.MINUTES),
                "a waiting unit kept the only pool thread");

        assertInstanceOf(InterruptedException.class, run.interrupt());
        assertEquals(0, Probe.liveUnits(), "units still running after the interrupted run ended");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void tickersPrintTheNotebooksLinesInOrderFromPoolThreads() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        Batch tickers = new Batch("demo", new Ticker(1, 2), 2);

        List<String> lines = ExecutorModelsTest.printedBy(() -> assertAnswer(model, tickers));

        for (int unit = 0; unit < 2; unit++) {
            String name = Ticker.workerName(unit);
            List<String> own = lines.stream().filter(line -> line.endsWith(" " + name) || line.startsWith(name + ":"))
                    .toList();
            String tick = Pattern.quote(name) + ": \\d\\d:\\d\\d:\\d\\d\\.\\d{3} on async-worker-\\d+ \\(pid "
                    + ProcessHandle.current().pid() + "\\)";
            assertEquals(4, own.size(), String.join("\n", lines));
            assertEquals("Starting " + name, own.get(0));
            assertTrue(own.get(1).matches(tick), own.get(1));
            assertTrue(own.get(2).matches(tick), own.get(2));
            assertEquals("Exiting " + name, own.get(3));
        }
    }

    private static long assertAnswer(ConcurrencyModel model, Batch batch) throws InterruptedException {
        long answer = model.run(batch);
        assertEquals(batch.expected(), answer);
        return answer;
    }
}
