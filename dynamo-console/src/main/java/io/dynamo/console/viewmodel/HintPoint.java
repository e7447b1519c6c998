package io.dynamo.console.viewmodel;

/** The size of the hints held for one target at a moment, in seconds since the console connected. */
public record HintPoint(String target, double seconds, long count) {
}
