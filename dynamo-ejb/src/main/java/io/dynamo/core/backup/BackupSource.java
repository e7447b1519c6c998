package io.dynamo.core.backup;

/**
 * A store that can pin a consistent image of its files while it keeps taking writes (Xodus: its backup strategy;
 * the membership state: its file as saved last).
 */
@FunctionalInterface
public interface BackupSource {
    /** Pins the image: until it is closed, its files hold the listed bytes of a consistent state of the store. */
    StoreImage pin();
}
