package io.dynamo.core.base;

/** A node setting is missing or out of range; the message names the setting and what it accepts. */
public final class InvalidConfigException extends DynamoException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
