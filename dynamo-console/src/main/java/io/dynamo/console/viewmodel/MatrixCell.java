package io.dynamo.console.viewmodel;

/**
 * One cell of the health matrix: how {@code observer} sees {@code observed}.
 *
 * @param reachability {@link Reachability#UNKNOWN} when the observer has no opinion of it
 * @param live         false when the observer's stream broke: the cell is as it last reported
 */
public record MatrixCell(String observer, String observed, Reachability reachability, boolean self, boolean live) {

    /** What the cell says: the health, or "self" on the diagonal; a stale cell says so. */
    public String text() {
        String health = self ? "self" : reachability == Reachability.UNKNOWN ? "no opinion"
                : reachability.name().toLowerCase(java.util.Locale.ROOT);
        return live ? health : health + " (stale)";
    }
}
