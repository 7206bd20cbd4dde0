package org.concurrencybench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** The benchmarks' {@code @Param}s say what the catalog says, so JMH's own output shows every figure. */
class BenchmarkParametersTest {

    @ParameterizedTest
    @EnumSource(WorkloadBenchmark.class)
    void sizeParametersAreTheCatalogsWithItsDefaults(WorkloadBenchmark benchmark) {
        WorkloadSpec spec = Workloads.spec(benchmark.workload());
        List<String> declared = new ArrayList<>();
        for (Field field : benchmark.benchmarkClass().getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param == null || field.getName().equals("model") || field.getName().equals("cores")) {
                continue;
            }
            declared.add(field.getName());
            WorkloadSpec.Parameter parameter = spec.parameters().stream()
                    .filter(candidate -> candidate.name().equals(field.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(benchmark.benchmarkClass().getSimpleName() + "." + field.getName()
                            + " is not a parameter of " + spec.id() + "; its parameters: " + spec.parameterNames()));
            assertArrayEquals(new String[] {String.valueOf(parameter.defaultValue())}, param.value(),
                    benchmark.benchmarkClass().getSimpleName() + "." + field.getName() + " should default to the catalog's");
        }
        assertEquals(spec.parameters().stream().map(WorkloadSpec.Parameter::name).sorted().toList(),
                declared.stream().sorted().toList(), "every size of " + spec.id() + " should be a @Param");
    }

    @Test
    void theModelParameterListsEveryRegisteredModelOnce() throws NoSuchFieldException {
        String[] listed = ModelBenchmark.class.getField("model").getAnnotation(Param.class).value();
        Set<String> unique = new LinkedHashSet<>(List.of(listed));

        assertEquals(listed.length, unique.size(), "a model is listed twice: " + List.of(listed));
        assertTrue(unique.containsAll(ModelRegistry.ids()),
                "registered models missing from ModelBenchmark's @Param: registered " + ModelRegistry.ids() + ", listed " + unique);
    }

    @Test
    void everyCatalogWorkloadHasABenchmarkMethodThatReturnsItsAnswer() throws NoSuchMethodException {
        for (String workload : Workloads.ids()) {
            WorkloadBenchmark benchmark = WorkloadBenchmark.of(workload);
            Method method = benchmark.benchmarkClass().getMethod(benchmark.method());
            assertNotNull(method.getAnnotation(Benchmark.class), benchmark.benchmarkName() + " should be a @Benchmark");
            assertEquals(long.class, method.getReturnType(), benchmark.benchmarkName() + " should return the answer");
        }
        Method baseline = CpuBaselineBenchmark.class.getMethod(WorkloadBenchmark.CPU_BASELINE.method());
        assertNotNull(baseline.getAnnotation(Benchmark.class));
    }

    @Test
    void jmhNamesMapBackToTheirWorkloads() {
        for (WorkloadBenchmark benchmark : WorkloadBenchmark.values()) {
            assertEquals(benchmark, WorkloadBenchmark.byName(benchmark.benchmarkName()).orElseThrow());
            assertTrue(benchmark.benchmarkName().matches(benchmark.includePattern()));
        }
    }
}
