package io.dynamo.core.version;

import java.util.Objects;

/**
 * The identity of one write: the actor that coordinated it and that actor's counter. Dots are never reused,
 * which is what lets a clock say exactly which writes it has seen.
 */
public record Dot(String actor, long counter) implements Comparable<Dot> {
    public Dot {
        Objects.requireNonNull(actor, "actor");
        if (counter < 1) {
            throw new IllegalArgumentException("a dot's counter starts at 1, got " + counter);
        }
    }

    @Override
    public int compareTo(Dot o) {
        int c = actor.compareTo(o.actor);
        return c != 0 ? c : Long.compare(counter, o.counter);
    }

    @Override
    public String toString() {
        return actor + ":" + counter;
    }
}
