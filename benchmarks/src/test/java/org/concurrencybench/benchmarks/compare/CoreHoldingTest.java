package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.concurrencybench.benchmarks.common.ForkPinning;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CoreHoldingTest {

    @Test
    void everyForkIsToldItsCoresAndTheVirtualThreadSchedulerIsSizedToThem() {
        CoreHolding.ForkSettings fork = CoreHolding.detect().forCores(2);

        assertEquals(List.of("-XX:ActiveProcessorCount=2", "-Djdk.virtualThreadScheduler.parallelism=2",
                "-Djdk.virtualThreadScheduler.maxPoolSize=2"), fork.jvmArgs().subList(0, 3));
        assertTrue(fork.description().contains("-XX:ActiveProcessorCount=2"), fork.description());
    }

    @Test
    void whereTasksetWorksTheForkIsAskedToPinItselfToTheFirstPCpus() {
        CoreHolding holding = CoreHolding.detect();
        CoreHolding.ForkSettings fork = holding.forCores(1);
        Assumptions.assumeTrue(fork.jvmArgs().size() > 3, "taskset does not work here");

        assertEquals(String.valueOf(CoreHolding.allowedCpus().getFirst()), holding.cpuList(1));
        assertTrue(fork.jvmArgs().contains("-D" + ForkPinning.CPUS + "=" + holding.cpuList(1)), fork.jvmArgs().toString());
        assertTrue(fork.jvmArgs().stream().anyMatch(arg -> arg.startsWith("-D" + ForkPinning.TASKSET + "=")
                && arg.endsWith("taskset")), fork.jvmArgs().toString());
        assertTrue(fork.description().startsWith("taskset -a -p -c " + holding.cpuList(1) + " once started"),
                fork.description());
    }
}
