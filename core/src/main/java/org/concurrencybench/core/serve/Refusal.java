package org.concurrencybench.core.serve;

import java.util.Objects;

/**
 * A request answered with an error status, after which the server closes the connection:
 * write {@link Responses#refusal} and close.
 *
 * @param status what went wrong, never {@link Status#OK}
 * @param detail one line for the response's body, saying what was wrong and what is allowed
 * @param head   the refused request was a HEAD, so the response carries no body
 */
public record Refusal(Status status, String detail, boolean head) implements Parsed, Routed {

    public Refusal {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if (status == Status.OK) {
            throw new IllegalArgumentException("a refusal's status must be an error, got " + status);
        }
    }
}
