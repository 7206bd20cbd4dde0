package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static final byte[] BODY = "42\n".getBytes(StandardCharsets.US_ASCII);
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nServer: test\r\n\r\n42\n";

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ResponseParser parser(byte[] expected) {
        ResponseParser parser = new ResponseParser();
        parser.start(expected);
        return parser;
    }

    private static ResponseParser.Progress feedAll(ResponseParser parser, String text) {
        return parser.feed(bytes(text));
    }

    @Test
    void aWholeResponseWithTheExpectedBodyIsCompleteAndMatches() {
        ResponseParser parser = parser(BODY);

        assertEquals(ResponseParser.Progress.COMPLETE, feedAll(parser, OK));
        assertEquals(200, parser.status());
        assertTrue(parser.bodyMatches());
        assertFalse(parser.closeAfter());
    }

    @Test
    void aResponseSplitAtAnyByteReadsTheSame() {
        for (int split = 1; split < OK.length(); split++) {
            ResponseParser parser = parser(BODY);
            assertEquals(ResponseParser.Progress.MORE, feedAll(parser, OK.substring(0, split)), "split at " + split);
            assertEquals(ResponseParser.Progress.COMPLETE, feedAll(parser, OK.substring(split)), "split at " + split);
            assertTrue(parser.bodyMatches(), "split at " + split);
        }
    }

    @Test
    void aResponseFedByteByByteReadsTheSame() {
        ResponseParser parser = parser(BODY);
        ResponseParser.Progress last = null;
        for (int i = 0; i < OK.length(); i++) {
            last = feedAll(parser, OK.substring(i, i + 1));
        }

        assertEquals(ResponseParser.Progress.COMPLETE, last);
        assertTrue(parser.bodyMatches());
    }

    @Test
    void aWrongBodyOfTheSameLengthOrAnotherLengthDoesNotMatch() {
        ResponseParser sameLength = parser(BODY);
        assertEquals(ResponseParser.Progress.COMPLETE, feedAll(sameLength, OK.replace("42\n", "43\n")));
        assertFalse(sameLength.bodyMatches());

        ResponseParser longer = parser(BODY);
        assertEquals(ResponseParser.Progress.COMPLETE,
                feedAll(longer, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n42\n\n"));
        assertFalse(longer.bodyMatches());
    }

    @Test
    void anotherStatusIsReadWithItsBody() {
        ResponseParser parser = parser(BODY);

        assertEquals(ResponseParser.Progress.COMPLETE,
                feedAll(parser, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy"));
        assertEquals(503, parser.status());
    }

    @Test
    void bytesPastTheResponseStayUnread() {
        ByteBuffer in = bytes(OK + "HTTP/1.1");

        assertEquals(ResponseParser.Progress.COMPLETE, parser(BODY).feed(in));
        assertEquals(8, in.remaining());
    }

    @Test
    void connectionCloseAndHttp10WithoutKeepAliveCloseAfterTheResponse() {
        ResponseParser close = parser(BODY);
        feedAll(close, OK.replace("Server: test", "Connection: Close"));
        assertTrue(close.closeAfter());

        ResponseParser http10 = parser(BODY);
        feedAll(http10, OK.replace("HTTP/1.1", "HTTP/1.0"));
        assertTrue(http10.closeAfter());

        ResponseParser keepAlive = parser(BODY);
        feedAll(keepAlive, OK.replace("HTTP/1.1", "HTTP/1.0").replace("Server: test", "Connection: keep-alive"));
        assertFalse(keepAlive.closeAfter());
    }

    @Test
    void noContentNeedsNoContentLength() {
        ResponseParser parser = parser(BODY);

        assertEquals(ResponseParser.Progress.COMPLETE, feedAll(parser, "HTTP/1.1 204 No Content\r\n\r\n"));
        assertEquals(204, parser.status());
    }

    @Test
    void aResponseWithoutContentLengthIsMalformed() {
        ResponseParser parser = parser(BODY);

        assertEquals(ResponseParser.Progress.MALFORMED, feedAll(parser, "HTTP/1.1 200 OK\r\n\r\n42\n"));
        assertEquals("status 200 came without Content-Length", parser.problem());
    }

    @Test
    void chunkedTransferEncodingIsMalformed() {
        ResponseParser parser = parser(BODY);

        assertEquals(ResponseParser.Progress.MALFORMED,
                feedAll(parser, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n42\n\r\n0\r\n\r\n"));
        assertEquals("Transfer-Encoding 'chunked' is not read: bodies must come with Content-Length", parser.problem());
    }

    @Test
    void contentLengthsThatDisagreeOrAreNotNumbersAreMalformed() {
        assertEquals(ResponseParser.Progress.MALFORMED,
                feedAll(parser(BODY), "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"));
        assertEquals(ResponseParser.Progress.MALFORMED,
                feedAll(parser(BODY), "HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n"));
        assertEquals(ResponseParser.Progress.MALFORMED,
                feedAll(parser(BODY), "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n"));
    }

    @Test
    void aStatusLineThatIsNotHttp1IsMalformed() {
        for (String line : new String[] {"HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "SSH-2.0-OpenSSH",
                "HTTP/1.1 100 Continue"}) {
            assertEquals(ResponseParser.Progress.MALFORMED,
                    feedAll(parser(BODY), line + "\r\nContent-Length: 0\r\n\r\n"), line);
        }
    }

    @Test
    void aHeadLongerThanTheLimitIsMalformedRatherThanBuffered() {
        ResponseParser parser = parser(BODY);
        String longHeader = "X-Filler: " + "x".repeat(ResponseParser.MAX_HEAD_BYTES) + "\r\n";

        assertEquals(ResponseParser.Progress.MALFORMED, feedAll(parser, "HTTP/1.1 200 OK\r\n" + longHeader));
        assertEquals("the response head is longer than 8192 bytes", parser.problem());
    }

    @Test
    void startReadiesTheParserForTheNextResponse() {
        ResponseParser parser = parser(BODY);
        feedAll(parser, OK.replace("Server: test", "Connection: close").replace("42\n", "43\n"));

        parser.start(BODY);

        assertEquals(ResponseParser.Progress.COMPLETE, feedAll(parser, OK));
        assertTrue(parser.bodyMatches());
        assertFalse(parser.closeAfter());
    }
}
