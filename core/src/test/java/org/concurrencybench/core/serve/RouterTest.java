package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(new Serve(100, 0, 1_000));

    @ParameterizedTest(name = "{0} is unit {1}")
    @CsvSource({
        "/unit/0, 0",
        "/unit/999, 999",
        "/unit/007, 7",
        "/unit/5?trace=1, 5",
        "http://127.0.0.1:8080/unit/42, 42",
    })
    void aGetOfAUnitInRangeIsThatUnit(String target, int index) {
        assertEquals(new UnitRequest(index, false, true), router.route(get(target, true)));
    }

    @Test
    void aHeadIsTheSameUnitWithoutABodyAndKeepAliveIsCarriedThrough() {
        assertEquals(new UnitRequest(3, true, false),
                router.route(new HttpRequest("HEAD", "/unit/3", "HTTP/1.0", false)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/unit/1000", "/unit/-1", "/unit/+1", "/unit/abc", "/unit/", "/unit", "/unit/1/x",
        "/units/1", "/", "/unit/99999999999", "/unit/2147483648", "http://host", "*"})
    void anyOtherPathOrIndexIsNotFound(String target) {
        Refusal refusal = (Refusal) router.route(get(target, true));
        assertEquals(Status.NOT_FOUND, refusal.status());
    }

    @Test
    void notFoundSaysWhichUnitsThereAre() {
        Refusal refusal = (Refusal) router.route(get("/unit/1000", true));
        assertEquals("no unit at /unit/1000; units are /unit/0 to /unit/999", refusal.detail());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "get"})
    void aMethodOtherThanGetOrHeadIsNotAllowed(String method) {
        Refusal refusal = (Refusal) router.route(new HttpRequest(method, "/unit/1", "HTTP/1.1", true));
        assertEquals(Status.METHOD_NOT_ALLOWED, refusal.status());
        assertEquals("the method " + method + " is not allowed; allowed: GET, HEAD", refusal.detail());
    }

    @Test
    void aParsersRefusalIsPassedOn() {
        Refusal refusal = new Refusal(Status.BAD_REQUEST, "bad", false);
        assertSame(refusal, router.route(refusal));
    }

    @Test
    void theClientsPathOfAUnitIsRoutedToIt() {
        assertEquals(new UnitRequest(12, false, true), router.route(get(Router.path(12), true)));
    }

    private static HttpRequest get(String target, boolean keepAlive) {
        return new HttpRequest("GET", target, "HTTP/1.1", keepAlive);
    }
}
