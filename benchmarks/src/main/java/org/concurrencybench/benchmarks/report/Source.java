package org.concurrencybench.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.concurrencybench.benchmarks.common.Environment;
import org.concurrencybench.benchmarks.common.ResultsFileException;

/**
 * One saved comparison: its JMH results, and where they exist the run record and environment
 * beside them. The label tells it apart from the others in a merged report.
 *
 * @param environment null when the file has no environment.json beside it
 * @param run         null when the file has no run.json beside it
 */
public record Source(String label, Path file, List<Measurement> measurements, Environment environment, RunRecord run) {

    public Source {
        measurements = List.copyOf(measurements);
    }

    /** Reads {@code file} (JMH's JSON) and whatever bench compare wrote beside it. */
    public static Source load(Path file) {
        List<Measurement> measurements = JmhResultsReader.read(file);
        RunRecord run = RunRecord.readBeside(file);
        if (measurements.isEmpty() && run == null) {
            throw new ResultsFileException(file, "holds no results (an empty JSON array) and no run.json beside it says why");
        }
        return new Source(file.toString(), file, measurements, Environment.readBeside(file), run);
    }

    public Source withLabel(String newLabel) {
        return new Source(newLabel, file, measurements, environment, run);
    }

    /** The cells of the run record that hold no measurement: n/a, failed, not run. */
    public List<RunRecord.Cell> gaps() {
        return run == null ? List.of()
                : run.cells().stream().filter(cell -> cell.outcome() != CellOutcome.MEASURED).toList();
    }

    /**
     * Labels that tell the sources apart: the JDK and the machine from each environment.json,
     * then the date where those are the same, then the file name where even that is.
     */
    public static List<Source> labelled(List<Source> sources) {
        List<String> labels = new ArrayList<>();
        for (Source source : sources) {
            labels.add(source.environment == null ? source.file.toString() : shortLabel(source.environment));
        }
        labels = disambiguate(labels, sources, source -> source.environment == null ? null : source.environment.dateTime());
        labels = disambiguate(labels, sources, source -> source.file.toString());
        List<Source> labelled = new ArrayList<>();
        for (int index = 0; index < sources.size(); index++) {
            labelled.add(sources.get(index).withLabel(labels.get(index)));
        }
        return labelled;
    }

    private static String shortLabel(Environment environment) {
        String machine = environment.host() != null ? environment.host() : environment.cpuModel();
        return "JDK " + environment.javaVersion() + ", " + machine;
    }

    private static List<String> disambiguate(List<String> labels, List<Source> sources,
                                             java.util.function.Function<Source, String> extra) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        List<String> result = new ArrayList<>(labels);
        for (int index = 0; index < labels.size(); index++) {
            String more = extra.apply(sources.get(index));
            if (counts.get(labels.get(index)) > 1 && more != null && !labels.get(index).contains(more)) {
                result.set(index, labels.get(index) + ", " + more);
            }
        }
        return result;
    }
}
