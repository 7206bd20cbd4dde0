package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.concurrencybench.core.serve.Responses;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.UnitRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poller the pool models share, with handlers of the test's own on one thread. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PollerServerTest {

    private static final Serve SERVE = new Serve(10, 0, 10);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void aResponseLargerThanTheSocketTakesIsWrittenToTheEndAndTheNextRequestIsRead() throws Exception {
        // far more than a loopback socket's send buffer (4 MiB at most) and the client's 4 KiB take at once
        byte[] body = new byte[16 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        byte[] large = concat(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), body);
        try (TestHandlers handlers = new TestHandlers((request, reply) -> reply.send(request.index() == 0 ? large
                     : Responses.ok(request, 42)));
             PollerServer server = PollerServer.start("test", SERVE, ANY_PORT, "test-poller", handlers);
             ServeClient client = ServeClient.connect(server.address(), 4 * 1024)) {

            assertArrayEquals(body, client.ask(0).body(), "the large response");
            assertArrayEquals(Serve.body(1, 42), client.ask(1).body(), "the next response on the connection");
        }
    }

    @Test
    void aRequestItsHandlerAbandonsClosesItsConnectionAndNoOther() throws Exception {
        try (TestHandlers handlers = new TestHandlers((request, reply) -> {
                 if (request.index() == 0) {
                     reply.abandon();
                 } else {
                     reply.send(Responses.ok(request, 42));
                 }
             });
             PollerServer server = PollerServer.start("test", SERVE, ANY_PORT, "test-poller", handlers);
             ServeClient abandoned = ServeClient.connect(server.address());
             ServeClient answered = ServeClient.connect(server.address())) {

            assertThrows(IOException.class, () -> abandoned.ask(0), "an abandoned request's connection stays open");
            assertArrayEquals(Serve.body(1, 42), answered.ask(1).body());
        }
    }

    @Test
    void closingTheServerEndsItsPollerThenShutsItsHandlersDownOnce() throws Exception {
        TestHandlers handlers = new TestHandlers((request, reply) -> reply.send(Responses.ok(request, 42)));
        PollerServer server = PollerServer.start("test", SERVE, ANY_PORT, "test-poller", handlers);
        try (ServeClient client = ServeClient.connect(server.address())) {
            assertEquals(200, client.ask(1).status());
        }

        server.close();
        server.close();

        assertEquals(1, handlers.shutdowns, "the handlers' shutdowns");
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("test-poller") && thread.isAlive()), "the poller is alive");
    }

    @Test
    void aPortInUseFailsTheStartAndShutsTheHandlersDown() throws Exception {
        TestHandlers handlers = new TestHandlers((request, reply) -> reply.abandon());
        try (PollerServer taken = PollerServer.start("test", SERVE, ANY_PORT, "test-poller",
                new TestHandlers((request, reply) -> reply.abandon()))) {

            assertThrows(java.net.BindException.class, () -> PollerServer.start("test", SERVE, taken.address(),
                    "test-poller", handlers));
        }
        assertEquals(1, handlers.shutdowns, "the handlers of a server that did not start are shut down");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Handlers that answer on one thread of their own, as {@code answer} says. */
    private static final class TestHandlers implements RequestHandlers, AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final BiConsumer<UnitRequest, Reply> answer;
        private final AtomicBoolean shut = new AtomicBoolean();
        private volatile int shutdowns;

        TestHandlers(BiConsumer<UnitRequest, Reply> answer) {
            this.answer = answer;
        }

        @Override
        public void handle(UnitRequest request, Reply reply) {
            thread.execute(() -> answer.accept(request, reply));
        }

        @Override
        public void shutdownNowAndAwait() {
            shutdowns++;
            close();
        }

        @Override
        public void close() {
            if (shut.compareAndSet(false, true)) {
                thread.shutdownNow();
                try {
                    thread.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
