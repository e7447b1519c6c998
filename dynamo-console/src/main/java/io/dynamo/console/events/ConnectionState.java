package io.dynamo.console.events;

/** Where the console's live connection to the cluster stands; the status bar shows it. */
public enum ConnectionState {
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    RECONNECTING("Reconnecting"),
    /** The node refused the credentials: reconnecting with the same ones would not help. */
    REFUSED("Credentials refused"),
    STOPPED("Disconnected");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
