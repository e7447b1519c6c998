package io.dynamo.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo.core.base.Key;
import io.dynamo.core.peer.Ping;
import io.dynamo.core.replica.ReadReplica;
import io.dynamo.core.replica.ReplicaState;
import io.dynamo.core.store.StorageException;
import io.dynamo.core.transport.Ack;
import io.dynamo.core.transport.Failure;
import io.dynamo.core.transport.Message;
import io.dynamo.core.version.SiblingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RequestDispatcherTest {
    private static final Key KEY = Key.of(new byte[] {'k'});

    @Test
    void eachRequestGoesToTheHandlerRegisteredForItsType() {
        List<String> seen = new ArrayList<>();
        RequestDispatcher dispatcher = new RequestDispatcher("a")
                .on(ReadReplica.class, (from, m) -> {
                    seen.add(from + " read " + m.key());
                    return CompletableFuture.completedFuture(new ReplicaState(m.key(), SiblingSet.EMPTY));
                })
                .acking(Ping.class, m -> seen.add("ping"));

        assertThat(dispatcher.handle("b", new ReadReplica(KEY)).join()).isEqualTo(new ReplicaState(KEY,
                SiblingSet.EMPTY));
        assertThat(dispatcher.handle("c", new Ping()).join()).isEqualTo(new Ack());
        assertThat(seen).containsExactly("b read k", "ping");
    }

    @Test
    void aRequestWithoutHandlerIsRefusedNamingTheNode() {
        Message reply = new RequestDispatcher("a").acking(Ping.class, m -> { })
                .handle("b", new ReadReplica(KEY)).join();

        assertThat(reply).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.kind()).isEqualTo(Failure.Kind.INVALID_REQUEST);
            assertThat(f.message()).isEqualTo("node a does not serve ReadReplica");
        });
    }

    @Test
    void aHandlersFailureIsAnsweredNotThrown() {
        RequestDispatcher dispatcher = new RequestDispatcher("a")
                .acking(Ping.class, m -> {
                    throw new StorageException("disk gone", null);
                })
                .on(ReadReplica.class, (from, m) -> CompletableFuture.failedFuture(
                        new StorageException("disk gone later", null)));

        assertThat(dispatcher.handle("b", new Ping()).join()).isInstanceOfSatisfying(Failure.class,
                f -> assertThat(f.kind()).isEqualTo(Failure.Kind.STORAGE));
        assertThat(dispatcher.handle("b", new ReadReplica(KEY)).join()).isInstanceOfSatisfying(Failure.class,
                f -> assertThat(f.kind()).isEqualTo(Failure.Kind.STORAGE));
    }

    @Test
    void aTypeHasOneHandler() {
        RequestDispatcher dispatcher = new RequestDispatcher("a").acking(Ping.class, m -> { });

        assertThatThrownBy(() -> dispatcher.acking(Ping.class, m -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Ping");
    }
}
