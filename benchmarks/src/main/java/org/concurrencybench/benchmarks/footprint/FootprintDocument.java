package org.concurrencybench.benchmarks.footprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.concurrencybench.benchmarks.bare.BareTwin;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.report.Document;

/**
 * {@code footprint.md} as a {@link Document}: what was measured and how, a table of bytes per
 * task for each way of counting (model x N), the reasons behind every gap, and the chart. The
 * same document gives the console its tables.
 */
final class FootprintDocument {

    static final String CHART_FILE = "footprint.png";

    private FootprintDocument() {
    }

    static Document of(FootprintResults results, boolean withChart) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph("Each model held N tasks alive at once: a batch of N units that would each wait "
                + results.holdMs() / 60_000 + " minutes, cancelled once measured. Every model and N ran in a JVM of its own, "
                + "and so did a baseline with no tasks; bytes per task = (value with N tasks - value with none) / N."));
        blocks.add(new Document.Bullets(List.of(
                "peak RSS: the peak resident set (VmHWM) of the measuring JVM and of its worker processes, counted from "
                        + "the end of a warm-up (units that park 1 ms, run before anything is measured) and a full collection; "
                        + "it includes what the heap grew by, garbage and all",
                "heap: the used heap after a full collection, only what is live; it leaves out platform thread stacks, "
                        + "which are outside the heap, and a process model's workers")));
        blocks.add(new Document.Paragraph(environment(results.environment())));
        blocks.add(new Document.Heading(1, "Peak RSS per task (bytes)"));
        blocks.add(table(results, FootprintRecord::rssBytesPerTask));
        blocks.add(new Document.Heading(1, "Heap per task (bytes)"));
        blocks.add(table(results, FootprintRecord::heapBytesPerTask));
        twins(results).ifPresent(blocks::addAll);
        List<String> gaps = results.records().stream().filter(record -> record.outcome() != CellOutcome.MEASURED)
                .map(record -> record.model() + " at N = " + format(record.tasks()) + ": " + record.outcome().label() + ": "
                        + record.reason())
                .toList();
        if (!gaps.isEmpty()) {
            blocks.add(new Document.Heading(1, "Not measured"));
            blocks.add(new Document.Bullets(gaps));
        }
        if (withChart) {
            blocks.add(new Document.Image(CHART_FILE, "bytes per task against N, both ways, for every model"));
        }
        blocks.add(new Document.Paragraph("Small N says little about tasks whose memory is on the heap: a thousand of them "
                + "take a megabyte or two, which is what two JVMs' heaps differ by anyway. Read those from the largest N."));
        return new Document("Memory per task", blocks);
    }

    /**
     * Each model against its bare twin, at every N both were measured: the heading, what the
     * twins are, a table of model / twin both ways, and what each model keeps in addition.
     */
    private static Optional<List<Document.Block>> twins(FootprintResults results) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String model : results.models()) {
            Optional<BareTwin> twin = BareTwin.of(model).filter(bare -> bare.memory().isPresent());
            if (twin.isEmpty()) {
                continue;
            }
            BareTwin.Memory memory = twin.get().memory().orElseThrow();
            boolean any = false;
            for (int tasks : results.tasks()) {
                FootprintRecord ofModel = results.record(model, tasks);
                FootprintRecord ofTwin = results.record(twin.get().id(), tasks);
                if (ofModel == null || ofTwin == null || ofModel.outcome() != CellOutcome.MEASURED
                        || ofTwin.outcome() != CellOutcome.MEASURED) {
                    continue;
                }
                any = true;
                rows.add(List.of(Document.Cell.plain(model), Document.Cell.plain(format(tasks)),
                        Document.Cell.plain(against(ofModel.heapBytesPerTask(), ofTwin.heapBytesPerTask())),
                        Document.Cell.plain(against(ofModel.rssBytesPerTask(), ofTwin.rssBytesPerTask()))));
            }
            if (any) {
                notes.add(model + " against " + twin.get().id() + " (" + memory.idiom() + "): the model keeps in addition "
                        + memory.keptInAddition() + ".");
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of(new Document.Heading(1, "Against the bare idiom"),
                new Document.Paragraph("Each model that holds a task in a thread or a timer of its own was followed by its"
                        + " bare twin: the same units started the plain way and kept in a list, nothing else, each N in a"
                        + " JVM of its own with the same settings, at every N the model held. Model / twin is what the model"
                        + " keeps per task besides the thread or the timer; 1.00× would be nothing. Heap is the steadier"
                        + " of the two: peak RSS also counts how far each JVM's heap grew with garbage before it was"
                        + " measured."),
                new Document.Table(List.of("model", "N", "heap per task: model / twin", "peak RSS per task: model / twin"),
                        rows, 2),
                new Document.Bullets(notes)));
    }

    /** {@code 768 / 702 (1.09×)}; the ratio only where both are positive, as small N can leave them at or below 0. */
    static String against(Long model, Long twin) {
        if (model == null || twin == null) {
            return "-";
        }
        String both = format(model) + " / " + format(twin);
        return model > 0 && twin > 0 ? both + " (" + String.format(Locale.ROOT, "%.2f×", model / (double) twin) + ")" : both;
    }

    private static String environment(FootprintEnvironment environment) {
        String jvm = environment.childJvm() == null ? "" : "; " + environment.childJvm().describe();
        return environment.summary() + ". Measuring JVMs: " + String.join(" ", environment.childJvmOptions()) + jvm
                + "; every model with P = " + environment.parallelism() + ".";
    }

    /** Models down, N across; a gap is its outcome, the reason is listed below the tables. */
    private static Document.Table table(FootprintResults results, Function<FootprintRecord, Long> figure) {
        List<String> header = new ArrayList<>();
        header.add("model");
        results.tasks().forEach(tasks -> header.add("N = " + format(tasks)));
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (String model : results.models()) {
            List<Document.Cell> row = new ArrayList<>();
            row.add(Document.Cell.plain(model));
            for (int tasks : results.tasks()) {
                row.add(Document.Cell.plain(cell(results.record(model, tasks), figure)));
            }
            rows.add(row);
        }
        return new Document.Table(header, rows, 1);
    }

    private static String cell(FootprintRecord record, Function<FootprintRecord, Long> figure) {
        if (record == null) {
            return CellOutcome.NOT_RUN.label();
        }
        if (record.outcome() != CellOutcome.MEASURED) {
            return record.outcome().label();
        }
        Long bytes = figure.apply(record);
        return bytes == null ? "-" : format(bytes);
    }

    static String format(long value) {
        return String.format("%,d", value);
    }
}
