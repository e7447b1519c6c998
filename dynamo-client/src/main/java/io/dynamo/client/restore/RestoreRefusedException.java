package io.dynamo.client.restore;

/** A restore that was not done, and why: a bad backup, the wrong node, or a data directory in use. */
public final class RestoreRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(String message) {
        super(message);
    }
}
