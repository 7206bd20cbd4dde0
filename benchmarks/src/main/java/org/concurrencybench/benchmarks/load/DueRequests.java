package org.concurrencybench.benchmarks.load;

/**
 * Requests that have come due while no connection was free, oldest first. They come due in the
 * schedule's order and leave from the front (sent, or timed out), so a request is its number
 * and its intended start; the numbers are consecutive, and only the times are stored.
 */
final class DueRequests {

    private long[] intended = new long[1_024];
    private int head;
    private int size;
    private long headNumber;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Adds the request numbered one past the last added (the first added is numbered {@code number}). */
    void add(long number, long intendedNanoTime) {
        if (size == 0) {
            headNumber = number;
        } else if (number != headNumber + size) {
            throw new IllegalArgumentException("request " + number + " added out of order after "
                    + (headNumber + size - 1));
        }
        if (size == intended.length) {
            grow();
        }
        intended[(head + size) & (intended.length - 1)] = intendedNanoTime;
        size++;
    }

    long firstNumber() {
        return headNumber;
    }

    long firstIntended() {
        return intended[head];
    }

    void removeFirst() {
        head = (head + 1) & (intended.length - 1);
        size--;
        headNumber++;
    }

    private void grow() {
        long[] larger = new long[intended.length * 2];
        for (int i = 0; i < size; i++) {
            larger[i] = intended[(head + i) & (intended.length - 1)];
        }
        intended = larger;
        head = 0;
    }
}
