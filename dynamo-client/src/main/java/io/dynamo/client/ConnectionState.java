package io.dynamo.client;

/** Where an {@link EventStream} stands (the console's status bar shows it). */
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
