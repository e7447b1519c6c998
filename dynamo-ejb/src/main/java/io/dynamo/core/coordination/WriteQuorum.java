package io.dynamo.core.coordination;

/** Counts a write's acknowledgements against W; pure, so its arithmetic is tested on its own. */
public final class WriteQuorum {
    private final int required;
    private int acks;
    private int outstanding;

    public WriteQuorum(int required) {
        this.required = required;
    }

    public void sent() {
        outstanding++;
    }

    public void acked() {
        outstanding--;
        acks++;
    }

    public void failed() {
        outstanding--;
    }

    public boolean reached() {
        return acks >= required;
    }

    /** True when even every outstanding request plus {@code replacements} more could not reach W. */
    public boolean unreachable(int replacements) {
        return acks + outstanding + replacements < required;
    }

    public int acks() {
        return acks;
    }

    public int required() {
        return required;
    }
}
