package io.dynamo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A write's time to live: how it goes on the wire for every kind of put, and what is refused before sending. */
class DynamoClientTtlTest {
    private static final Duration TEN_YEARS = Duration.ofSeconds(315_360_000);
    private final OneFakeNode one = new OneFakeNode();
    private final FakeNode node = one.node;
    private final DynamoClient client = one.client;

    @AfterEach
    void close() {
        one.close();
    }

    private FakeNode.Received lastKv() {
        return one.lastKv();
    }

    private List<FakeNode.Received> kvRequests() {
        return one.kvRequests();
    }

    @Test
    void aPutSendsItsTtlInWholeSecondsAsTheHeaderAlongsideTheOtherOptions() {
        client.put("k", "ctx", new byte[] {1}, null, WriteOptions.quorum(2).ttl(Duration.ofMinutes(5)).synced(1));
        FakeNode.Received put = lastKv();
        assertThat(put.header("X-Dynamo-TTL")).isEqualTo("300");
        assertThat(put.rawQuery()).as("the ttl goes in the header only").isEqualTo("w=2&dw=1");

        client.put("k", null, new byte[] {1}, null, WriteOptions.defaults().ifAbsent().ttl(TEN_YEARS));
        assertThat(lastKv().header("X-Dynamo-TTL")).isEqualTo("315360000");
        assertThat(lastKv().header("If-None-Match")).isEqualTo("*");

        client.put("k", null, new byte[] {1}, null, WriteOptions.defaults().ttl(Duration.ofSeconds(1)));
        assertThat(lastKv().header("X-Dynamo-TTL")).isEqualTo("1");

        client.put("k", null, new byte[] {1}, null);
        assertThat(lastKv().header("X-Dynamo-TTL")).as("no ttl: the namespace's default").isNull();
    }

    @Test
    void updateAndTheAsynchronousPutsCarryTheTtl() throws Exception {
        WriteOptions hour = WriteOptions.defaults().ttl(Duration.ofHours(1));
        client.update("fresh", new byte[] {1}, null, hour);
        assertThat(kvRequests()).extracting(FakeNode.Received::method).containsExactly("GET", "PUT");
        assertThat(lastKv().header("X-Dynamo-TTL")).isEqualTo("3600");

        client.putAsync("k", null, new byte[] {2}, null, hour).toCompletableFuture().get();
        assertThat(lastKv().header("X-Dynamo-TTL")).isEqualTo("3600");

        client.updateAsync("other", new byte[] {3}, null, WriteOptions.defaults().ttl(Duration.ofSeconds(90)))
                .toCompletableFuture().get();
        assertThat(lastKv().method()).isEqualTo("PUT");
        assertThat(lastKv().header("X-Dynamo-TTL")).isEqualTo("90");
    }

    @Test
    void aNamespacedPutCarriesTheTtl() {
        client.namespace("sessions").put("s1", null, new byte[] {1}, "text/plain",
                WriteOptions.defaults().ttl(Duration.ofSeconds(30)));
        assertThat(lastKv().rawPath()).isEqualTo(FakeNode.API + "ns/sessions/kv/s1");
        assertThat(lastKv().header("X-Dynamo-TTL")).isEqualTo("30");
    }

    @Test
    void ttlsOutsideWholeSecondsFromOneToTenYearsAreRefusedNamingTheBound() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMillis(500),
                Duration.ofMillis(1500), TEN_YEARS.plusSeconds(1), Duration.ofDays(365 * 100))) {
            assertThatThrownBy(() -> WriteOptions.defaults().ttl(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole seconds from 1 to 315360000");
            assertThatThrownBy(() -> BatchWrite.put("k", null, new byte[0], null).ttl(bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whole seconds from 1 to 315360000");
        }
        assertThatThrownBy(() -> WriteOptions.defaults().ttl(null)).isInstanceOf(NullPointerException.class);
        assertThat(kvRequests()).isEmpty();
    }

    /** The node ignores a TTL on a delete; the client refuses it, since a caller who sends one expects something. */
    @Test
    void aDeleteWithATtlIsRefusedBeforeSending() {
        WriteOptions withTtl = WriteOptions.quorum(2).ttl(Duration.ofMinutes(1));
        assertThatThrownBy(() -> client.delete("k", "ctx", withTtl)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a delete takes no ttl");
        assertThatThrownBy(() -> client.deleteAsync("k", "ctx", withTtl))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.namespace("ns").delete("k", "ctx", withTtl))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchWrite.delete("k", "ctx").ttl(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to a value");
        assertThat(kvRequests()).isEmpty();

        client.delete("k", "ctx", WriteOptions.quorum(2));
        assertThat(lastKv().header("X-Dynamo-TTL")).isNull();
    }

    @Test
    void aBatchGivesEachPutItsOwnTtlElseTheOptionsAndDeletesNone() {
        node.kv(r -> FakeNode.Reply.json(200, "{\"results\": [{\"key\": \"a\", \"status\": 204, \"context\": \"c1\"},"
                + "{\"key\": \"b\", \"status\": 204, \"context\": \"c2\"},"
                + "{\"key\": \"c\", \"status\": 204, \"context\": \"c3\"}]}", Map.of()));
        byte[] v = "v".getBytes(StandardCharsets.UTF_8);
        client.putAll(List.of(BatchWrite.put("a", null, v, null).ttl(Duration.ofSeconds(5)),
                BatchWrite.put("b", null, v, null), BatchWrite.delete("c", "ctx-c")),
                WriteOptions.quorum(2).ttl(Duration.ofMinutes(1)));
        assertThat(lastKv().bodyText()).isEqualTo("{\"items\":[{\"key\":\"a\",\"value\":\"dg==\",\"ttl\":5},"
                + "{\"key\":\"b\",\"value\":\"dg==\",\"ttl\":60},{\"key\":\"c\",\"context\":\"ctx-c\",\"delete\":true}]}");
        assertThat(lastKv().header("X-Dynamo-TTL")).as("the batch's ttl is per item, not a header").isNull();

        client.putAll(List.of(BatchWrite.put("a", null, v, null)));
        assertThat(lastKv().bodyText()).isEqualTo("{\"items\":[{\"key\":\"a\",\"value\":\"dg==\"}]}");

        client.namespace("sessions").putAll(List.of(BatchWrite.put("a", null, v, null).ttl(Duration.ofSeconds(7))),
                WriteOptions.defaults());
        assertThat(lastKv().rawPath()).isEqualTo(FakeNode.API + "ns/sessions/kv/_mput");
        assertThat(lastKv().bodyText()).contains("\"ttl\":7");
    }
}
