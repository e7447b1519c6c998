package io.dynamo.jaxrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.dynamo.client.DynamoClient;
import io.dynamo.client.WriteOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Keys written through the Java client at W=3 with a short time to live, and as a control with a long one, then
 * read on each node: through the API at the R given (a read that coordinates at that node and may read-repair) and
 * through the admin view of each replica's own copy.
 */
final class ExpiringKeys {
    private static final int COUNT = 5;
    private final String prefix;
    private final long expiresByMillis;

    private ExpiringKeys(String prefix, long expiresByMillis) {
        this.prefix = prefix;
        this.expiresByMillis = expiresByMillis;
    }

    /** Puts {@code prefix}short-i expiring after {@code ttl}, and {@code prefix}long-i after an hour, at W=3. */
    static ExpiringKeys put(DynamoClient client, String prefix, Duration ttl) {
        for (int i = 0; i < COUNT; i++) {
            client.put(prefix + "short-" + i, null, value(i), "text/plain", WriteOptions.quorum(3).ttl(ttl));
            client.put(prefix + "long-" + i, null, value(i), "text/plain",
                    WriteOptions.quorum(3).ttl(Duration.ofHours(1)));
        }
        // Each node made the expiry from its clock (this machine's) before answering: none is later than this.
        return new ExpiringKeys(prefix, System.currentTimeMillis() + ttl.toMillis());
    }

    /** Sleeps until every short-lived key has expired by the nodes' clock (all on this machine). */
    void awaitExpiry() throws InterruptedException {
        long left = expiresByMillis - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left + 50);
        }
    }

    /** Every short-lived key reads 404 through each node at {@code ?r=}, and every long-lived one its value. */
    void assertThroughEachNode(List<MicroNode> nodes, int r) {
        for (MicroNode node : nodes) {
            for (int i = 0; i < COUNT; i++) {
                HttpResponse<String> expired = Http.get(kv(node, prefix + "short-" + i, r));
                assertThat(expired.statusCode()).as("%sshort-%d through %s at r=%d: %s", prefix, i, node.name, r,
                        expired.body()).isEqualTo(404);
                assertThat(expired.body()).contains("\"error\":\"not_found\"");
                assertThat(expired.headers().firstValue("X-Dynamo-Context")).as("an expired key keeps its context")
                        .isPresent();
                HttpResponse<String> lasting = Http.get(kv(node, prefix + "long-" + i, r));
                assertThat(lasting.statusCode()).as("%slong-%d through %s at r=%d", prefix, i, node.name, r)
                        .isEqualTo(200);
                assertThat(lasting.body()).isEqualTo("value-" + i);
            }
        }
    }

    /**
     * Asked through each node, every replica's own copy (nothing repaired): of a short-lived key, only the tombstone
     * its expiry was buried as (or nothing, once reaped); of a long-lived key, the value.
     */
    void assertEachReplicasCopy(List<MicroNode> nodes) {
        for (MicroNode asked : nodes) {
            for (int i = 0; i < COUNT; i++) {
                for (JsonObject copy : copies(asked, prefix + "short-" + i)) {
                    assertThat(copy.getJsonArray("siblings")).as("%sshort-%d on %s, asked %s", prefix, i,
                            copy.getString("node"), asked.name).allSatisfy(s -> {
                                assertThat(s.asJsonObject().getBoolean("tombstone")).isTrue();
                                assertThat(s.asJsonObject().containsKey("value")).isFalse();
                            });
                }
                String stored = Base64.getEncoder().encodeToString(value(i));
                for (JsonObject copy : copies(asked, prefix + "long-" + i)) {
                    assertThat(copy.getJsonArray("siblings")).as("%slong-%d on %s", prefix, i, copy.getString("node"))
                            .singleElement().satisfies(s -> assertThat(s.asJsonObject().getString("value"))
                                    .isEqualTo(stored));
                }
            }
        }
    }

    /** The partitions of the short-lived keys. */
    List<Integer> partitions(MicroNode node) {
        return java.util.stream.IntStream.range(0, COUNT).mapToObj(i -> Http.json(Http.get(node.api()
                .resolve("admin/ring/key/" + prefix + "short-" + i))).getInt("partition")).distinct().toList();
    }

    private static List<JsonObject> copies(MicroNode asked, String key) {
        JsonObject versions = Http.json(Http.get(asked.api().resolve("admin/keys/" + key + "/versions")));
        List<JsonObject> replicas = versions.getJsonArray("replicas").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getBoolean("replica")).toList();
        assertThat(replicas).as("%s: the copies of its three replicas, asked %s: %s", key, asked.name, versions)
                .hasSize(3).allSatisfy(r -> assertThat(r.containsKey("error")).isFalse());
        return replicas;
    }

    private static URI kv(MicroNode node, String key, int r) {
        return node.api().resolve("kv/" + key + "?r=" + r);
    }

    private static byte[] value(int i) {
        return ("value-" + i).getBytes(StandardCharsets.UTF_8);
    }
}
