package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void a200CarriesTheBodyItsLengthAndKeepAlive() {
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\nContent-Length: 6\r\n\r\n"
                + "12 34\n", text(Responses.ok(new UnitRequest(12, false, true), 34)));
    }

    @Test
    void a200ThatClosesSaysSo() {
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 4\r\n\r\n"
                + "0 4\n", text(Responses.ok(new UnitRequest(0, false, false), 4)));
    }

    @Test
    void aHeadResponseHasTheGetsHeadersAndNoBody() {
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\nContent-Length: 6\r\n\r\n",
                text(Responses.ok(new UnitRequest(12, true, true), 34)));
    }

    @Test
    void aRefusalClosesAndItsBodySaysWhatWasWrong() {
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 20\r\n\r\n"
                + "404 Not Found: nope\n", text(Responses.refusal(new Refusal(Status.NOT_FOUND, "nope", false))));
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 20\r\n\r\n",
                text(Responses.refusal(new Refusal(Status.NOT_FOUND, "nope", true))), "HEAD");
    }

    @Test
    void a405ListsTheAllowedMethods() {
        assertEquals("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Type: text/plain\r\n"
                + "Connection: close\r\nContent-Length: 27\r\n\r\n405 Method Not Allowed: no\n",
                text(Responses.refusal(new Refusal(Status.METHOD_NOT_ALLOWED, "no", false))));
    }

    private static String text(byte[] response) {
        return new String(response, StandardCharsets.US_ASCII);
    }
}
