package io.dynamo.console.viewmodel;

/**
 * One partition of the ring as drawn: its owner's colour, and where a pending plan would move it (null when it
 * stays).
 */
public record RingSegment(int partition, String owner, String color, String movesTo, String movesToColor) {
    public boolean moving() {
        return movesTo != null;
    }
}
