package io.dynamo.jaxrs.system;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a healed cluster has converged, through the admin API: every hint queue is empty and every replica of
 * every key holds the same versions. Copies are compared by their sibling sets (each version's dot and value), not
 * only by their clocks: a replica that counts a write in its clock but lost its value has the same clock as one
 * that kept it.
 */
final class Convergence {
    /** @param difference what still differed when the time ran out; null once converged */
    record Result(long millis, String difference) {
        boolean converged() {
            return difference == null;
        }
    }

    private Convergence() {
    }

    static Result await(List<MicroNode> nodes, List<String> keys, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            String difference = difference(nodes, keys);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (difference == null || millis >= limit.toMillis()) {
                return new Result(millis, difference);
            }
            Thread.sleep(500);
        }
    }

    /** @return null when converged, else the first difference found */
    private static String difference(List<MicroNode> nodes, List<String> keys) {
        try {
            for (MicroNode node : nodes) {
                long hints = Http.json(Http.get(node.api().resolve("admin/hints"))).getJsonNumber("count")
                        .longValue();
                if (hints > 0) {
                    return node.name + " still holds " + hints + " hints";
                }
            }
            for (String key : keys) {
                String difference = replicaDifference(nodes, key);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        } catch (RuntimeException | AssertionError e) {
            return "no answer from the admin API: " + e.getMessage();
        }
    }

    private static String replicaDifference(List<MicroNode> nodes, String key) {
        JsonObject versions = Http.json(Http.get(nodes.get(0).api().resolve("admin/keys/" + key
                + "/versions")));
        Map<String, String> copies = new TreeMap<>();
        for (JsonValue value : versions.getJsonArray("replicas")) {
            JsonObject replica = value.asJsonObject();
            String node = replica.getString("node");
            if (replica.containsKey("error")) {
                return key + ": " + node + " did not answer: " + replica.getString("error");
            }
            if (!"EQUAL".equals(replica.getString("relation", ""))) {
                return key + ": the clock of " + node + " is " + replica.getString("relation", "?")
                        + " the merged one";
            }
            copies.put(node + (replica.getBoolean("replica") ? "" : " (fallback)"), siblings(replica));
        }
        if (copies.size() != nodes.size() || new TreeSet<>(copies.values()).size() != 1) {
            return key + ": the copies differ: " + copies;
        }
        return null;
    }

    /** A copy's versions as {@code actor:counter=digest of the value}, sorted. */
    private static String siblings(JsonObject replica) {
        return replica.getJsonArray("siblings").stream().map(JsonValue::asJsonObject)
                .map(s -> s.getJsonObject("dot").getString("actor") + ":" + s.getJsonObject("dot")
                        .getJsonNumber("counter").longValue() + "=" + (s.getBoolean("tombstone") ? "tombstone"
                        : digest(s.getString("value") + " " + s.getString("contentType", ""))))
                .sorted().toList().toString();
    }

    /** Values hold thousands of elements; a digest keeps the evidence printable. */
    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
