package org.concurrencybench.benchmarks.verify;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.common.TextTable;
import org.concurrencybench.benchmarks.common.TextTable.Column;
import org.concurrencybench.benchmarks.verify.VerifyOutcome.Verdict;
import org.concurrencybench.core.Workload;

/**
 * The table {@code bench verify} prints, a row as each run ends, and its summary. The widths
 * are known before any run (ids, expected answers), so rows need not wait for the last one.
 * The free-text result comes last, so a long n/a reason or failure leaves the columns aligned.
 */
public final class VerifyReport implements Verification.Listener {

    private final PrintWriter out;
    private final TextTable table;
    private final List<VerifyOutcome> outcomes = new ArrayList<>();

    public VerifyReport(PrintWriter out, List<String> modelIds, List<Workload> workloads, List<Integer> coreCounts) {
        this.out = out;
        int numbers = workloads.stream().mapToInt(workload -> VerifyOutcome.grouped(workload.expected()).length())
                .max().orElse(1);
        this.table = new TextTable(List.of(
                Column.text("model", longest(modelIds)),
                Column.text("workload", longest(workloads.stream().map(Workload::name).toList())),
                Column.number("P", longest(coreCounts.stream().map(String::valueOf).toList())),
                Column.number("answer", numbers),
                Column.number("expected", numbers),
                Column.number("ms", "100,000.0".length()),
                Column.text("result", 0)));
    }

    private static int longest(List<String> texts) {
        return texts.stream().mapToInt(String::length).max().orElse(1);
    }

    public void header() {
        out.println(table.header());
        out.flush();
    }

    @Override
    public void outcome(VerifyOutcome outcome) {
        outcomes.add(outcome);
        out.println(table.row(outcome.model(), outcome.workload(), String.valueOf(outcome.parallelism()),
                outcome.answerText(), VerifyOutcome.grouped(outcome.expected()), outcome.millisText(),
                outcome.result()));
        out.flush();
    }

    /** Prints the counts and the pairs not verified; returns the exit code. */
    public ExitCode summary(long nanos) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        outcomes.forEach(outcome -> counts.merge(outcome.verdict(), 1L, Long::sum));
        List<VerifyOutcome> failed = outcomes.stream().filter(outcome -> outcome.verdict().failed()).toList();
        out.println(String.format(Locale.ROOT, "%d runs in %.1f s: %d ok, %d n/a, %d mismatched, %d failed",
                outcomes.size(), nanos / 1e9, counts.getOrDefault(Verdict.OK, 0L),
                counts.getOrDefault(Verdict.NOT_APPLICABLE, 0L), counts.getOrDefault(Verdict.MISMATCH, 0L),
                counts.getOrDefault(Verdict.FAILED, 0L)));
        if (!failed.isEmpty()) {
            out.println("not verified: " + failed.stream().map(VerifyOutcome::pair).collect(Collectors.joining(", ")));
        }
        out.flush();
        return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
