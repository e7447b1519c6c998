package io.dynamo.core.transport;

import java.util.concurrent.CompletableFuture;

/** Answers one type of request from another node; services offer these, the node registers them by type. */
@FunctionalInterface
public interface MessageHandler<M extends Message> {
    CompletableFuture<Message> handle(String from, M request);
}
