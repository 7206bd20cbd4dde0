package org.concurrencybench.benchmarks.load;

/** Why a request did not end with status 200 and the expected body: each kind is counted apart. */
enum Failure {
    /** Status 200 with a body other than the expected one. */
    WRONG_BODY("wrongBody"),
    /** A complete response with another status (counted by status as well). */
    STATUS("status"),
    /** The connection the request needed could not be opened: refused, or no local port left. */
    REFUSED("refused"),
    /** Sending or reading failed: the connection was reset or the pipe broke. */
    RESET("reset"),
    /** The server closed the connection before the whole response arrived. */
    CLOSED("closed"),
    /** The response could not be read as HTTP/1.1 with a Content-Length, or more bytes came than it framed. */
    MALFORMED("malformed"),
    /** No complete response within the time-out of the request's intended start. */
    TIMED_OUT("timedOut");

    private final String key;

    Failure(String key) {
        this.key = key;
    }

    /** Its name in the result's JSON. */
    String key() {
        return key;
    }
}
