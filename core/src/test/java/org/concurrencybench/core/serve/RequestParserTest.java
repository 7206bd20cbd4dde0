package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequestParserTest {

    private static final String GET = "GET /unit/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n";
    private static final HttpRequest GET_PARSED = new HttpRequest("GET", "/unit/7", "HTTP/1.1", true);

    @Test
    void aGetGivesItsMethodTargetVersionAndKeepAlive() {
        assertEquals(List.of(GET_PARSED), parse(GET));
    }

    @Test
    void aRequestSplitAtAnyByteParsesTheSame() {
        String request = "HEAD /unit/3?x=1 HTTP/1.0\r\nconnection: Keep-Alive\r\nContent-Length: 5\r\n\r\nhello";
        HttpRequest expected = new HttpRequest("HEAD", "/unit/3?x=1", "HTTP/1.0", true);
        byte[] bytes = latin1(request);
        for (int split = 0; split <= bytes.length; split++) {
            RequestParser parser = new RequestParser();
            ByteBuffer first = ByteBuffer.wrap(bytes, 0, split);
            ByteBuffer second = ByteBuffer.wrap(bytes, split, bytes.length - split);
            List<Parsed> parsed = new ArrayList<>();
            drain(parser, first, parsed);
            assertFalse(first.hasRemaining(), "split at " + split);
            drain(parser, second, parsed);
            assertEquals(List.of(expected), parsed, "split at " + split);
        }
    }

    @Test
    void aRequestFedOneByteAtATimeParsesTheSame() {
        RequestParser parser = new RequestParser();
        List<Parsed> parsed = new ArrayList<>();
        for (byte b : latin1(GET + GET)) {
            drain(parser, ByteBuffer.wrap(new byte[] {b}), parsed);
        }
        assertEquals(List.of(GET_PARSED, GET_PARSED), parsed);
    }

    @Test
    void pipelinedRequestsComeOneAtATimeAndTheRestStaysInTheBuffer() {
        String second = "GET /unit/8 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
        String third = "GET /unit/9 HTTP/1.1\r\nHost: h\r\n";
        ByteBuffer buffer = ByteBuffer.wrap(latin1(GET + second + third));
        RequestParser parser = new RequestParser();

        assertEquals(GET_PARSED, parser.next(buffer));
        assertEquals(second.length() + third.length(), buffer.remaining(), "the next requests wait their turn");
        assertEquals(new HttpRequest("GET", "/unit/8", "HTTP/1.1", false), parser.next(buffer));
        assertNull(parser.next(buffer), "the third has no end yet");
        assertFalse(buffer.hasRemaining(), "its start is kept by the parser");
        assertEquals(new HttpRequest("GET", "/unit/9", "HTTP/1.1", true), parser.next(ByteBuffer.wrap(latin1("\r\n"))));
    }

    @ParameterizedTest(name = "{0} with Connection: \"{1}\" keeps alive: {2}")
    @CsvSource(delimiter = '|', value = {
        "HTTP/1.1 | | true",
        "HTTP/1.1 | close | false",
        "HTTP/1.1 | Close | false",
        "HTTP/1.1 | keep-alive | true",
        "HTTP/1.1 | upgrade, close | false",
        "HTTP/1.1 | closed | true",
        "HTTP/1.2 | | true",
        "HTTP/1.0 | | false",
        "HTTP/1.0 | keep-alive | true",
        "HTTP/1.0 | Keep-Alive , foo | true",
        "HTTP/1.0 | keep-alive, close | false",
    })
    void http11KeepsAliveUnlessCloseAndHttp10ClosesUnlessKeepAlive(String version, String connection,
            boolean keepAlive) {
        String header = connection == null ? "" : "Connection: " + connection + "\r\n";
        HttpRequest request = (HttpRequest) only("GET / " + version + "\r\nHost: h\r\n" + header + "\r\n");
        assertEquals(keepAlive, request.keepAlive());
        assertEquals(version, request.version());
    }

    @Test
    void twoConnectionHeadersCountTogether() {
        HttpRequest request = (HttpRequest) only("GET / HTTP/1.1\r\nHost: h\r\nConnection: foo\r\nConnection: close\r\n\r\n");
        assertFalse(request.keepAlive());
    }

    @Test
    void emptyLinesBeforeARequestLineAreSkipped() {
        assertEquals(List.of(GET_PARSED, GET_PARSED), parse("\r\n\r\n" + GET + "\r\n" + GET));
    }

    @Test
    void aSmallBodyIsReadAndDroppedAndTheNextRequestFollows() {
        String withBody = "GET /unit/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + RequestParser.MAX_BODY_BYTES
                + "\r\n\r\n" + "x".repeat(RequestParser.MAX_BODY_BYTES);
        assertEquals(List.of(GET_PARSED, GET_PARSED), parse(withBody + GET));
        assertEquals(List.of(GET_PARSED), parse("GET /unit/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"));
    }

    @Test
    void aBodyIsAwaitedBeforeItsRequestIsGiven() {
        RequestParser parser = new RequestParser();
        assertNull(parser.next(ByteBuffer.wrap(latin1("GET /unit/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nab"))));
        ByteBuffer rest = ByteBuffer.wrap(latin1("c" + GET));
        assertEquals(GET_PARSED, parser.next(rest));
        assertEquals(GET_PARSED, parser.next(rest));
    }

    @Test
    void aHeadOfExactlyTheLimitIsReadAndOneByteMoreIs431WithoutWaitingForItsEnd() {
        String start = "GET / HTTP/1.1\r\nHost: h\r\nX-Fill: ";
        String end = "\r\n\r\n";
        String fill = "f".repeat(RequestParser.MAX_HEAD_BYTES - start.length() - end.length());
        assertEquals(List.of(new HttpRequest("GET", "/", "HTTP/1.1", true)), parse(start + fill + end));

        Refusal refusal = (Refusal) only(start + fill + "f".repeat(end.length() + 1));
        assertEquals(Status.HEADERS_TOO_LARGE, refusal.status());
        assertEquals("the request line and headers take more than 8,192 bytes", refusal.detail());
        assertEquals(Status.HEADERS_TOO_LARGE, ((Refusal) only("GET /" + "a".repeat(9_000))).status(),
                "a long request line too");
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                refused("a request line without a version", "GET /\r\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "the request line 'GET /' is not METHOD TARGET VERSION with single spaces"),
                refused("two spaces in the request line", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "the request line 'GET  / HTTP/1.1' is not METHOD TARGET VERSION with single spaces"),
                refused("a method that is not a token", "G(T / HTTP/1.1\r\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "the method 'G(T' is not a token"),
                refused("a target with a control byte", "GET /\u0001 HTTP/1.1\r\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "the request target '/\\x01' is empty or holds a byte that is not visible ASCII"),
                refused("a lower-case version", "GET / http/1.1\r\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "the version 'http/1.1' is not HTTP/<digit>.<digit>"),
                refused("a version with two digits", "GET / HTTP/1.10\r\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "the version 'HTTP/1.10' is not"),
                refused("HTTP/2.0", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", Status.VERSION_NOT_SUPPORTED,
                        "HTTP/2.0 is not served; send HTTP/1.1 or HTTP/1.0"),
                refused("a bare LF", "GET / HTTP/1.1\nHost: h\r\n\r\n", Status.BAD_REQUEST,
                        "a line ends in a bare LF; lines end in CRLF"),
                refused("a bare LF ending the head", "GET / HTTP/1.1\r\nHost: h\r\n\n", Status.BAD_REQUEST,
                        "a line ends in a bare LF"),
                refused("a bare CR", "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n", Status.BAD_REQUEST,
                        "a CR inside a line"),
                refused("a header without a colon", "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", Status.BAD_REQUEST,
                        "the header line 'NoColon' has no colon"),
                refused("a space before the colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", Status.BAD_REQUEST,
                        "the header name 'Host ' is not a token (no space may come before the colon)"),
                refused("a folded header", "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", Status.BAD_REQUEST,
                        "a header line starts with whitespace (a folded line)"),
                refused("a control byte in a value", "GET / HTTP/1.1\r\nHost: h\u0000\r\n\r\n", Status.BAD_REQUEST,
                        "the value of header 'Host' holds a control byte"),
                refused("an HTTP/1.1 request without Host", "GET / HTTP/1.1\r\n\r\n", Status.BAD_REQUEST,
                        "an HTTP/1.1 request needs a Host header"),
                refused("two Hosts", "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", Status.BAD_REQUEST,
                        "a request has at most one Host header, got 2"),
                refused("a Content-Length that is not digits", "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n",
                        Status.BAD_REQUEST, "Content-Length '-1' is not a number of bytes"),
                refused("Content-Lengths that disagree",
                        "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", Status.BAD_REQUEST,
                        "Content-Length headers disagree: 1 and 2"),
                refused("a body over the limit", "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1025\r\n\r\n",
                        Status.CONTENT_TOO_LARGE, "a body of 1,025 bytes is more than the 1,024 this service reads"),
                refused("a body of a trillion bytes and more",
                        "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n",
                        Status.CONTENT_TOO_LARGE, "a body of 1,000,000,000,000 bytes is more than"),
                refused("a chunked body", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n",
                        Status.CONTENT_TOO_LARGE, "a body with Transfer-Encoding is not read; send at most 1,024 bytes"
                                + " with Content-Length"));
    }

    private static Arguments refused(String what, String request, Status status, String detail) {
        return Arguments.of(what, request, status, detail);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refusedRequests")
    void aMalformedRequestIsRefusedSayingWhatWasWrong(String what, String request, Status status, String detail) {
        Refusal refusal = assertInstanceOf(Refusal.class, only(request), what);
        assertEquals(status, refusal.status(), what);
        assertTrue(refusal.detail().startsWith(detail), refusal.detail());
    }

    @Test
    void afterARefusalTheParserTakesNoMoreBytes() {
        RequestParser parser = new RequestParser();
        assertInstanceOf(Refusal.class, parser.next(ByteBuffer.wrap(latin1("GET / HTTP/1.1\n"))));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> parser.next(ByteBuffer.wrap(latin1(GET))));
        assertTrue(refused.getMessage().endsWith("its connection must close, not read more"), refused.getMessage());
    }

    @Test
    void aRefusedHeadRequestIsMarkedSoItsResponseHasNoBody() {
        assertTrue(((Refusal) only("HEAD / HTTP/1.1\r\n\r\n")).head());
        assertFalse(((Refusal) only("GET / HTTP/1.1\r\n\r\n")).head());
    }

    @Test
    void anyMethodTokenIsParsedForTheRouterToJudge() {
        assertEquals(new HttpRequest("DELETE", "/unit/1", "HTTP/1.1", true),
                only("DELETE /unit/1 HTTP/1.1\r\nHost: h\r\n\r\n"));
    }

    @Test
    void headerNamesAreCaseInsensitiveAndValuesMayHoldObsText() {
        HttpRequest request = (HttpRequest) only("GET / HTTP/1.1\r\nhOsT: h\r\nX-Name: caf\u00e9\t \r\nCONNECTION: CLOSE\r\n\r\n");
        assertFalse(request.keepAlive());
    }

    private static Parsed only(String text) {
        List<Parsed> parsed = parse(text);
        assertEquals(1, parsed.size(), () -> "one request or refusal from " + text.length() + " bytes: " + parsed);
        return parsed.get(0);
    }

    private static List<Parsed> parse(String text) {
        List<Parsed> parsed = new ArrayList<>();
        drain(new RequestParser(), ByteBuffer.wrap(latin1(text)), parsed);
        return parsed;
    }

    /** Everything {@code parser} gives from {@code buffer}, stopping at a refusal as a server does. */
    private static void drain(RequestParser parser, ByteBuffer buffer, List<Parsed> into) {
        for (Parsed next = parser.next(buffer); next != null; next = parser.next(buffer)) {
            into.add(next);
            if (next instanceof Refusal) {
                return;
            }
        }
    }

    /** ISO-8859-1, so that a test may write a byte over 0x7F as one char. */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
