package org.concurrencybench.benchmarks.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.concurrencybench.benchmarks.common.ExitCode;
import org.concurrencybench.benchmarks.common.TextTable;
import org.concurrencybench.benchmarks.python.Python;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench list}: the models, Java's and then Python's with the interpreter that runs them,
 * workloads with their defaults, and the available processors.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Models, workloads with their defaults, and the available processors.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        printModels(out, ModelRegistry.providers());
        out.println();
        printPythonModels(out, Python.find());
        out.println();
        printWorkloads(out, Workloads.all());
        out.println();
        out.println("Available processors: " + Runtime.getRuntime().availableProcessors());
        out.println("JDK: " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                + System.getProperty("java.home"));
        out.flush();
        return ExitCode.OK.code();
    }

    private static void printModels(PrintWriter out, List<ModelProvider> providers) {
        if (providers.isEmpty()) {
            out.println("Models: none on the class path (build the model modules: ./mvnw install)");
            return;
        }
        out.println("Models (" + providers.size() + ")");
        List<List<String>> rows = providers.stream()
                .map(provider -> List.of(provider.id(), provider.module(), provider.summary()))
                .toList();
        TextTable.fitting(List.of("id", "module", "summary"), rows).lines(rows).forEach(out::println);
    }

    /** The Python models, which compare measures with the suite's Python harness, and the interpreter that runs them. */
    private static void printPythonModels(PrintWriter out, Python python) {
        out.println("Python models (" + PythonModels.ids().size() + "), measured by the suite's Python harness outside JMH"
                + " on " + python.unavailable().map(reason -> "no interpreter: n/a, " + reason).orElse(python.describe()));
        List<List<String>> rows = PythonModels.ids().stream()
                .map(id -> List.of(id, PythonModels.description(id).orElseThrow().summary()))
                .toList();
        TextTable.fitting(List.of("id", "summary"), rows).lines(rows).forEach(out::println);
    }

    private static void printWorkloads(PrintWriter out, List<WorkloadSpec> specs) {
        out.println("Workloads (" + specs.size() + ")");
        List<List<String>> rows = specs.stream()
                .map(workload -> List.of(workload.id(), workload.kind(), workload.unitDoes(), defaults(workload)))
                .toList();
        TextTable.fitting(List.of("id", "kind", "what one unit does", "defaults"), rows).lines(rows)
                .forEach(out::println);
    }

    /** {@code workers=4, lock=synchronized (or reentrant, atomic), holdMs=0}: a choice's default and the others. */
    static String defaults(WorkloadSpec workload) {
        return workload.parameters().stream().map(parameter -> {
            String value = parameter.name() + "=" + parameter.displayDefault();
            List<String> others = parameter.choices().stream().filter(choice -> !choice.equals(parameter.displayDefault()))
                    .toList();
            return others.isEmpty() ? value : value + " (or " + String.join(", ", others) + ")";
        }).collect(Collectors.joining(", "));
    }
}
