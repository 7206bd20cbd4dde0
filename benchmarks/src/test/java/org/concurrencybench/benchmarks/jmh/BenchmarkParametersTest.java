package org.concurrencybench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.WorkloadSizes;
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
            String name = benchmark.benchmarkClass().getSimpleName() + "." + field.getName();
            if (param.value().length == 1) {
                assertArrayEquals(new String[] {parameter.displayDefault()}, param.value(), name + " should default to the catalog's");
            } else {
                assertTrue(List.of(param.value()).contains(parameter.displayDefault()),
                        name + " sweeps " + List.of(param.value()) + ", which should include the catalog's default "
                                + parameter.displayDefault());
                assertEquals(new LinkedHashSet<>(List.of(param.value())).size(), param.value().length, name + " lists a value twice");
            }
        }
        assertEquals(spec.parameters().stream().map(WorkloadSpec.Parameter::name).sorted().toList(),
                declared.stream().sorted().toList(), "every size of " + spec.id() + " should be a @Param");
    }

    @ParameterizedTest
    @EnumSource(WorkloadBenchmark.class)
    void everySweptValueMakesAWorkloadTheCatalogAccepts(WorkloadBenchmark benchmark) {
        WorkloadSizes declared = assertDoesNotThrow(() -> WorkloadSizes.parse(List.of(benchmark.workload()),
                benchmark.declaredOptions()), benchmark.benchmarkClass().getSimpleName() + ": " + benchmark.declaredOptions());
        for (WorkloadSizes.Variant variant : declared.variants(benchmark.workload())) {
            assertDoesNotThrow(() -> Workloads.create(benchmark.workload(), variant.sizes()),
                    benchmark.benchmarkClass().getSimpleName() + " at " + variant.sizes());
        }
    }

    @ParameterizedTest
    @EnumSource(WorkloadBenchmark.class)
    void theSizesAModelBenchmarkOpensAreItsParamsByTheirNames(WorkloadBenchmark benchmark) throws ReflectiveOperationException {
        ModelBenchmark instance = (ModelBenchmark) benchmark.benchmarkClass().getConstructor().newInstance();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> size : benchmark.declaredSizes().entrySet()) {
            String value = size.getValue().getFirst();
            benchmark.benchmarkClass().getField(size.getKey()).set(instance, value);
            expected.put(size.getKey(), value);
        }

        assertEquals(expected, instance.sizes());
    }

    @Test
    void theModelParameterListsExactlyTheRegisteredModelsInTheirOrder() throws NoSuchFieldException {
        String[] listed = ModelBenchmark.class.getField("model").getAnnotation(Param.class).value();

        assertEquals(ModelRegistry.ids(), List.of(listed), "ModelBenchmark's @Param model against the registry");
    }

    @Test
    void everyCatalogWorkloadHasABenchmarkMethodThatReturnsItsAnswer() throws NoSuchMethodException {
        for (String workload : Workloads.ids()) {
            WorkloadBenchmark benchmark = WorkloadBenchmark.of(workload);
            Method method = benchmark.benchmarkClass().getMethod(benchmark.method());
            assertNotNull(method.getAnnotation(Benchmark.class), benchmark.benchmarkName() + " should be a @Benchmark");
            assertEquals(long.class, method.getReturnType(), benchmark.benchmarkName() + " should return the answer");
        }
    }

    @Test
    void jmhNamesMapBackToTheirWorkloads() {
        for (WorkloadBenchmark benchmark : WorkloadBenchmark.values()) {
            assertEquals(benchmark, WorkloadBenchmark.byName(benchmark.benchmarkName()).orElseThrow());
            assertTrue(benchmark.benchmarkName().matches(benchmark.includePattern()));
        }
    }
}
