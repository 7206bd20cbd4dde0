package org.concurrencybench.processes.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Kernel;
import org.concurrencybench.core.Workload;
import org.concurrencybench.processes.protocol.FrameType;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.junit.jupiter.api.Test;

class AotTrainingTest {

    private final List<WorkOrder> orders = AotTraining.orders(4242, Path.of("training.counter"));

    @Test
    void trainingDecodesEveryWorkloadKindAndEveryKernelOfTheCodec() {
        Set<Class<?>> kinds = orders.stream().map(order -> order.workload().getClass()).collect(Collectors.toSet());
        Set<Class<?>> kernels = orders.stream().map(WorkOrder::workload).filter(Batch.class::isInstance)
                .map(batch -> ((Batch) batch).kernel().getClass()).collect(Collectors.toSet());

        assertEquals(Set.of(Workload.class.getPermittedSubclasses()), kinds);
        assertEquals(Set.of(Kernel.class.getPermittedSubclasses()), kernels);
    }

    @Test
    void trainingSendsEveryKindOfOrderAndUnitsWithBytes() {
        Set<FrameType> types = orders.stream().map(WorkOrder::frameType).collect(Collectors.toCollection(() -> EnumSet.noneOf(FrameType.class)));

        assertEquals(EnumSet.of(FrameType.RUN_UNITS, FrameType.SUM_SUBTREE, FrameType.JOIN_CHILDREN, FrameType.PASS_TOKEN,
                FrameType.CONTEND), types);
        assertTrue(orders.stream().anyMatch(order -> order.deliveries() > 0), "some units return bytes");
    }
}
