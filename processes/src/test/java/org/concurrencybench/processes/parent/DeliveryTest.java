package org.concurrencybench.processes.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Payload;
import org.concurrencybench.core.WrongAnswerException;
import org.concurrencybench.processes.protocol.Delivery;
import org.concurrencybench.processes.protocol.FrameType;
import org.concurrencybench.processes.protocol.Frames;
import org.concurrencybench.processes.protocol.ProtocolException;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.RegionReader;
import org.concurrencybench.processes.shm.RegionWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parent's side of units' bytes: checksums of what arrived, by pipe or by region, and the tally of an order. */
class DeliveryTest {

    private static final int SIZE = 1_000;
    private static final Batch TRANSFER = new Batch("transfer", new Identity(), 3, SIZE);
    private static final WorkOrder ALL_UNITS = new WorkOrder.RunUnits(TRANSFER, 0, 3);

    @TempDir
    Path folder;

    @Test
    void bytesThatArriveWholeOverThePipeGiveTheExpectedAnswer() throws Exception {
        assertEquals(TRANSFER.expected(), answer(pipeDeliveries(-1)));
    }

    @Test
    void oneGarbledByteOnThePipeMakesTheAnswerWrong() throws Exception {
        long answer = answer(pipeDeliveries(SIZE / 2));

        assertThrows(WrongAnswerException.class, () -> WrongAnswerException.check("process-pool", TRANSFER, answer));
    }

    @Test
    void oneGarbledByteInTheRegionChangesTheChecksumTheParentReadsThere() throws Exception {
        Path file = Files.createFile(folder.resolve("worker.region"));
        List<Frames.Frame> frames = writeIntoRegion(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) ~Payload.bytes(1, SIZE)[7]}), SIZE + 7);
        }
        RegionReader reader = RegionReader.at(file);

        List<Delivery> deliveries = new ArrayList<>();
        for (Frames.Frame frame : frames) {
            deliveries.add(Delivery.decode(frame, reader));
        }

        assertEquals(checksumOf(0), deliveries.get(0).checksum(), "unit 0's bytes are untouched");
        assertNotEquals(checksumOf(1), deliveries.get(1).checksum(), "unit 1's bytes were garbled in the region");
        long answer = answer(deliveries);
        assertThrows(WrongAnswerException.class, () -> WrongAnswerException.check("process-pool-shm", TRANSFER, answer));
    }

    @Test
    void aRegionTheWorkerGrewIsFollowedByTheParentAndKeepsWhatItHeld() throws Exception {
        Path file = Files.createFile(folder.resolve("worker.region"));
        RegionReader reader = RegionReader.at(file);
        RegionWriter writer = new RegionWriter(file);

        writer.begin(SIZE);
        Delivery first = Delivery.decode(putIntoRegion(writer, 1, 0, SIZE), reader);
        writer.begin(4L * SIZE);
        Delivery grown = Delivery.decode(putIntoRegion(writer, 2, 1, 4 * SIZE), reader);

        assertEquals(checksumOf(0), first.checksum());
        assertEquals(Payload.checksum(Payload.bytes(1, 4 * SIZE)), grown.checksum());
        assertEquals(4L * SIZE, Files.size(file), "the file grew to the larger order");
    }

    @Test
    void aRegionFrameThatPointsPastTheEndOfTheRegionIsRefused() throws IOException {
        Path file = Files.createFile(folder.resolve("worker.region"));
        Files.write(file, new byte[SIZE]);
        Frames.Frame beyond = new Frames.Frame(FrameType.UNIT_REGION, Delivery.regionFrame(1, 0, SIZE / 2, SIZE));

        ProtocolException refused = assertThrows(ProtocolException.class, () -> Delivery.decode(beyond, RegionReader.at(file)));

        assertTrue(refused.getMessage().contains("points at bytes up to 1500 of payload region " + file + ", which holds 1000"),
                refused.getMessage());
    }

    @Test
    void aRegionFrameFromAWorkerWithoutARegionIsRefused() {
        Frames.Frame stray = new Frames.Frame(FrameType.UNIT_REGION, Delivery.regionFrame(1, 0, 0, SIZE));

        ProtocolException refused = assertThrows(ProtocolException.class, () -> Delivery.decode(stray, null));

        assertTrue(refused.getMessage().contains("this worker was given none"), refused.getMessage());
    }

    @Test
    void anOrderAnsweredBeforeAllItsUnitsBytesCameFailsNamingTheMissingUnit() throws Exception {
        UnitTally tally = UnitTally.of(5, ALL_UNITS);
        tally.add(new Delivery(5, 0, SIZE, checksumOf(0)));
        tally.add(new Delivery(5, 2, SIZE, checksumOf(2)));

        ProtocolException lost = assertThrows(ProtocolException.class, () -> tally.complete(3));

        assertEquals("answered order 5 after sending the bytes of 2 of its 3 units: unit 1's never came", lost.getMessage());
    }

    @Test
    void bytesOfAUnitTwiceOrOfAUnitTheOrderDoesNotHoldOrOfTheWrongSizeAreRefused() throws Exception {
        UnitTally tally = UnitTally.of(5, new WorkOrder.RunUnits(TRANSFER, 1, 3));
        tally.add(new Delivery(5, 1, SIZE, checksumOf(1)));

        ProtocolException twice = assertThrows(ProtocolException.class, () -> tally.add(new Delivery(5, 1, SIZE, 0)));
        ProtocolException outside = assertThrows(ProtocolException.class, () -> tally.add(new Delivery(5, 0, SIZE, 0)));
        ProtocolException shorter = assertThrows(ProtocolException.class, () -> tally.add(new Delivery(5, 2, SIZE - 1, 0)));

        assertEquals("sent the bytes of unit 1 of order 5 twice", twice.getMessage());
        assertEquals("sent the bytes of unit 0, which order 5 does not hold: it runs units 1 to 2", outside.getMessage());
        assertEquals("sent 999 bytes for unit 2, expected 1000", shorter.getMessage());
    }

    /** The three units' UNIT_BYTES frames as the parent reads them, with byte {@code garbled} of unit 1's bytes flipped (-1: none). */
    private static List<Delivery> pipeDeliveries(int garbled) throws IOException {
        List<Delivery> deliveries = new ArrayList<>();
        for (int unit = 0; unit < TRANSFER.units(); unit++) {
            byte[] payload = Delivery.bytesFrame(9, unit, SIZE);
            if (unit == 1 && garbled >= 0) {
                payload[payload.length - SIZE + garbled] ^= 0x10;
            }
            deliveries.add(Delivery.decode(new Frames.Frame(FrameType.UNIT_BYTES, payload), null));
        }
        return deliveries;
    }

    /** What the worker sends for the three units, their bytes written into {@code file}. */
    private static List<Frames.Frame> writeIntoRegion(Path file) throws IOException {
        RegionWriter writer = new RegionWriter(file);
        writer.begin(ALL_UNITS.payloadBytes());
        List<Frames.Frame> frames = new ArrayList<>();
        for (int unit = 0; unit < TRANSFER.units(); unit++) {
            frames.add(putIntoRegion(writer, 9, unit, SIZE));
        }
        return frames;
    }

    /** What the worker does for one unit whose bytes go to its region: puts them there, then says where in a frame. */
    private static Frames.Frame putIntoRegion(RegionWriter writer, long orderId, int unit, int size) throws IOException {
        int offset = writer.put(unit, size);
        return new Frames.Frame(FrameType.UNIT_REGION, Delivery.regionFrame(orderId, unit, offset, size));
    }

    /** The order's answer from {@code deliveries}, as the pool makes it: kernels' sum plus the checksums that arrived. */
    private static long answer(List<Delivery> deliveries) throws Exception {
        long orderId = deliveries.get(0).orderId();
        UnitTally tally = UnitTally.of(orderId, ALL_UNITS);
        long kernels = 0;
        for (Delivery delivery : deliveries) {
            tally.add(delivery);
            kernels += TRANSFER.runKernel(delivery.unit());
        }
        return tally.complete(kernels);
    }

    private static long checksumOf(int unit) {
        return Payload.checksum(Payload.bytes(unit, SIZE));
    }
}
