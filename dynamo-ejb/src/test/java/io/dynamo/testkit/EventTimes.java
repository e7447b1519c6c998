package io.dynamo.testkit;

import java.util.NavigableSet;
import java.util.TreeSet;

/** The simulated millis at which something happened, for checkers that need a window free of it. */
final class EventTimes {
    private final NavigableSet<Long> times = new TreeSet<>();

    void add(long millis) {
        times.add(millis);
    }

    boolean anyBetween(long fromMillis, long toMillis) {
        Long first = times.ceiling(fromMillis);
        return first != null && first <= toMillis;
    }
}
