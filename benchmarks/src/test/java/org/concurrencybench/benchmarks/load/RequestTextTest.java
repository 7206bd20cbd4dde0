package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestTextTest {

    @Test
    void aRequestNamesItsUnitAndTheHost() {
        RequestText text = new RequestText(LoopbackTarget.local(8080));

        assertEquals("GET /unit/0 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", text.text(0));
        assertEquals("GET /unit/12345 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", text.text(12_345));
        assertEquals("GET /unit/2147483647 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", text.text(Integer.MAX_VALUE));
    }

    @Test
    void anIpv6HostIsBracketed() {
        assertEquals("GET /unit/7 HTTP/1.1\r\nHost: [::1]:80\r\n\r\n",
                new RequestText(new LoopbackTarget("::1", 80)).text(7));
    }
}
