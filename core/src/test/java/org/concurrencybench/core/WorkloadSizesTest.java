package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reader of sizes as a person writes them: {@code -p} options against the selected workloads. */
class WorkloadSizesTest {

    @Test
    void everyWorkloadGetsAllItsParametersAtTheCatalogsDefaults() {
        WorkloadSizes sizes = WorkloadSizes.parse(List.of("cpu", "contention"), List.of());

        assertEquals(Map.of("limit", "2000000", "units", "64", "payload", "0"), sizes.written("cpu"));
        assertEquals(List.of("workers", "updates", "lock", "holdMs", "locks"), List.copyOf(sizes.written("contention").keySet()));
        assertEquals("synchronized", sizes.written("contention").get("lock"));
        assertEquals(List.of("cpu", "contention"), sizes.workloads());
    }

    @Test
    void aPlainNameSetsEverySelectedWorkloadThatHasItAndNoOther() {
        WorkloadSizes sizes = WorkloadSizes.parse(List.of("cpu", "spawn", "tree"), List.of("units=100"));

        assertEquals("100", sizes.written("cpu").get("units"));
        assertEquals("100", sizes.written("spawn").get("units"));
        assertEquals(Map.of("width", "10", "depth", "6"), sizes.written("tree"));
    }

    @Test
    void aQualifiedNameSetsThatWorkloadAlone() {
        WorkloadSizes sizes = WorkloadSizes.parse(List.of("cpu", "spawn"), List.of("cpu.units=5"));

        assertEquals("5", sizes.written("cpu").get("units"));
        assertEquals("10000", sizes.written("spawn").get("units"));
    }

    @Test
    void digitSeparatorsAndTheCaseOfAChoiceAreReadAndWrittenAsTheCatalogWritesThem() {
        WorkloadSizes sizes = WorkloadSizes.parse(List.of("spawn", "contention"),
                List.of("spawn.units=1_000", "lock=Reentrant", "updates=2__000"));

        assertEquals("1000", sizes.written("spawn").get("units"));
        assertEquals("reentrant", sizes.written("contention").get("lock"));
        assertEquals("2000", sizes.written("contention").get("updates"));
    }

    @Test
    void aLaterOptionReplacesAnEarlierOneForTheSameParameter() {
        WorkloadSizes sizes = WorkloadSizes.parse(List.of("cpu", "spawn"), List.of("spawn.units=7", "units=9", "cpu.units=3"));

        assertEquals("3", sizes.written("cpu").get("units"));
        assertEquals("9", sizes.written("spawn").get("units"));
    }

    @Test
    void aListSweepsEachValueOnceAndEveryCombinationIsAVariantTheFirstParameterSlowest() {
        WorkloadSizes sizes = WorkloadSizes.parse(List.of("transfer", "contention"),
                List.of("transfer.payload=0, 64_000,0", "contention.lock=ATOMIC,synchronized", "contention.workers=2,4"));

        assertEquals("0,64000", sizes.written("transfer").get("payload"));
        assertEquals(List.of("payload"), sizes.swept("transfer"));
        assertEquals(List.of("payload=0", "payload=64000"),
                sizes.variants("transfer").stream().map(WorkloadSizes.Variant::label).toList());
        assertEquals(Map.of("units", "100", "payload", "64000"), sizes.variants("transfer").get(1).sizes());
        assertEquals(List.of("workers=2, lock=atomic", "workers=2, lock=synchronized", "workers=4, lock=atomic",
                        "workers=4, lock=synchronized"),
                sizes.variants("contention").stream().map(WorkloadSizes.Variant::label).toList());
    }

    @Test
    void withoutASweepThereIsOneVariantWithNoLabel() {
        List<WorkloadSizes.Variant> variants = WorkloadSizes.parse(List.of("tree"), List.of("depth=2")).variants("tree");

        assertEquals(List.of(new WorkloadSizes.Variant(Map.of("width", "10", "depth", "2"), "")), variants);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cpu          | cpu.units=0         | cpu.units must be 1 to 100,000,000, got 0",
            "cpu          | units=3000000000    | cpu.units must be 1 to 100,000,000, got 3,000,000,000",
            "handoff      | hops=99999999999999999999 | handoff.hops must be a whole number from 1 to 1,000,000,000, got '99999999999999999999'",
            "spawn        | units=many          | spawn.units must be a whole number from 1 to 100,000,000, got 'many'",
            "spawn        | units=1__           | spawn.units must be a whole number from 1 to 100,000,000, got '1__'",
            "handoff      | workers=1           | handoff.workers must be 2 to 1,000,000, got 1",
            "contention   | lock=spin           | contention.lock must be one of synchronized, reentrant, atomic, got 'spin'",
            "tree,handoff | units=5             | -p units: no selected workload has this parameter; tree: width, depth; handoff: workers, hops",
            "spawn        | spawn.delayMs=3     | -p spawn.delayMs: workload spawn has no parameter 'delayMs'; its parameters: units, payload",
            "spawn        | cpu.units=3         | -p cpu.units: workload 'cpu' is not selected; selected: spawn",
            "spawn        | gpu.units=3         | -p gpu.units: there is no workload 'gpu'; known workloads: cpu, blocking, spawn, tree, handoff, mixed, io, transfer, contention, pinning",
            "cpu          | units=8,,16         | -p units has an empty value in '8,,16'; several values are separated by single commas, such as -p transfer.payload=0,65536",
            "tree         | width=1000,3        | tree: width^depth (the leaves) must be at most 1,000,000,000, got width=1000 depth=6",
    })
    void aBadOptionIsOneLineNamingTheParameterAndWhatItAllows(String workloads, String option, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.parse(List.of(workloads.split(",")), List.of(option)));

        assertEquals(message, refused.getMessage());
    }

    @Test
    void anOptionWithoutAValueShowsTheFormsAndTheParametersThereAre() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.parse(List.of("tree"), List.of("width")));

        assertEquals("-p takes name=value, such as -p units=100, or workload.name=value, such as -p spawn.units=100;"
                + " a list such as -p transfer.payload=0,65536 runs each value; got 'width'; tree: width, depth",
                refused.getMessage());
    }

    @Test
    void aCombinationOfSweptValuesTheCatalogRefusesIsRefusedWithItsReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.parse(List.of("contention"), List.of("lock=synchronized,atomic", "holdMs=1")));

        assertEquals("contention: holdMs must be 0 with lock=atomic, got 1 (an atomic update has no critical section to"
                + " wait in; use synchronized or reentrant)", refused.getMessage());
    }

    @Test
    void aNumberIsDigitsWithAnOptionalSignAndSeparatorsBetweenThem() {
        assertEquals(OptionalLong.of(2_000_000), WorkloadSizes.number(" 2_000_000 "));
        assertEquals(OptionalLong.of(-5), WorkloadSizes.number("-5"));
        for (String notANumber : new String[] {null, "", "_1", "1_", "1,000", "1e3", "ten", "99999999999999999999"}) {
            assertEquals(OptionalLong.empty(), WorkloadSizes.number(notANumber), "'" + notANumber + "'");
        }
    }

    @Test
    void theCatalogWritesRecordedSizesInItsOrderAndFormKeepingWhatItCannotRead() {
        Map<String, String> recorded = new java.util.LinkedHashMap<>();
        recorded.put("holdMs", "0");
        recorded.put("lock", "Reentrant,ATOMIC,reentrant");
        recorded.put("extra", "x");
        recorded.put("updates", "1_000");
        recorded.put("workers", "lots");

        Map<String, String> written = Workloads.spec("contention").write(recorded);

        assertEquals(List.of("workers", "updates", "lock", "holdMs", "extra"), List.copyOf(written.keySet()));
        assertEquals(List.of("lots", "1000", "reentrant,atomic", "0", "x"), List.copyOf(written.values()));
    }
}
