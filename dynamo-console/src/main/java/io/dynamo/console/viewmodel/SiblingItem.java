package io.dynamo.console.viewmodel;

/** One version of a key as shown: the write that made it, its value as text, and whether a newer copy replaced it. */
public record SiblingItem(String dot, String value, String contentType, boolean tombstone, boolean superseded) {
    @Override
    public String toString() {
        String shown = tombstone ? "(deleted)" : value;
        return dot + "  " + shown + (superseded ? "  [superseded]" : "");
    }
}
