package io.dynamo.core.coordination;

/**
 * Counts a write's acknowledgements against W, and those that say the write was synced against dw; pure, so its
 * arithmetic is tested on its own.
 */
public final class WriteQuorum {
    private final int required;
    private final int requiredSynced;
    private int acks;
    private int synced;
    private int outstanding;

    public WriteQuorum(int required) {
        this(required, 0);
    }

    /** @param requiredSynced dw, at most {@code required} */
    public WriteQuorum(int required, int requiredSynced) {
        this.required = required;
        this.requiredSynced = requiredSynced;
    }

    public void sent() {
        outstanding++;
    }

    public void acked() {
        acked(false);
    }

    public void acked(boolean wasSynced) {
        outstanding--;
        acks++;
        if (wasSynced) {
            synced++;
        }
    }

    public void failed() {
        outstanding--;
    }

    public boolean reached() {
        return acks >= required && synced >= requiredSynced;
    }

    /**
     * True when even every outstanding request plus {@code replacements} more could not reach W, or the outstanding
     * ones could not reach dw: a replacement is asked only for a target that failed, never for one that answered
     * without syncing.
     */
    public boolean unreachable(int replacements) {
        return acks + outstanding + replacements < required || syncedShort();
    }

    public int acks() {
        return acks;
    }

    /** True when W acknowledgements may still come but dw synced ones cannot. */
    public boolean syncedShort() {
        return synced + outstanding < requiredSynced;
    }

    public int syncedAcks() {
        return synced;
    }

    public int requiredSynced() {
        return requiredSynced;
    }

    public int required() {
        return required;
    }
}
