package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.dynamo.core.base.Key;
import io.dynamo.jaxrs.kv.KeyPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a refused request stored nothing: before a request is sent, reads every key its path may address
 * (each reading of the path that is {@code kv/{key}}, or {@code ns/{namespace}/kv/{key}} of a namespace the fuzzer
 * created, with a valid key); after a refusal, reads them again and
 * compares status, context, content type and body. Reads go to a trusted node with credentials that may read, from
 * every replica ({@code r=N}), so a write that reached any replica shows.
 */
public final class KeyWatch {
    private final FuzzTarget reader;

    public KeyWatch(FuzzTarget reader) {
        this.reader = reader;
    }

    /** Each addressed key's canonical path and what a read of it answers now. */
    Map<String, String> before(String target) {
        Map<String, String> state = new LinkedHashMap<>();
        for (List<String> reading : ApiOracle.readings(target)) {
            String route = ApiOracle.route(reading);
            boolean namespaced = "ns/{namespace}/kv/{key}".equals(route)
                    && FuzzNamespaces.role(reading.get(1)).isPresent();
            if (namespaced || "kv/{key}".equals(route)) {
                String path = canonical(namespaced ? "ns/" + reading.get(1) + "/kv/" : "kv/",
                        reading.get(reading.size() - 1));
                if (path != null) {
                    state.put(path, read(path));
                }
            }
        }
        return state;
    }

    /** Null when every key reads as it did; otherwise which changed and how. */
    String changedSince(Map<String, String> before) {
        for (Map.Entry<String, String> key : before.entrySet()) {
            String now = read(key.getKey());
            if (!now.equals(key.getValue())) {
                return "a refused request changed " + key.getKey() + ": before " + key.getValue() + ", after " + now;
            }
        }
        return null;
    }

    /** What a read of the key answers: status, context, content type and body, or an error. */
    String read(String path) {
        String head = "GET " + path + "?r=" + reader.replicas() + " HTTP/1.1\r\nAuthorization: "
                + (reader.adminEnabled() ? reader.adminAuthorization() : reader.clientAuthorization());
        RawHttp.Answer answer = reader.http().send(head.getBytes(ISO_8859_1), new byte[0]);
        return answer.status() + " " + answer.header("x-dynamo-context") + " " + answer.header("content-type") + " "
                + answer.body();
    }

    /** The path that reads the key an encoded segment names below {@code under}, or null for no valid key. */
    static String canonical(String under, String encodedSegment) {
        Key key;
        try {
            key = KeyPath.decode(encodedSegment);
        } catch (RuntimeException notAKey) {
            return null;
        }
        if (key.length() == 0 || key.length() > 1024) {
            return null;
        }
        return "/dynamo/api/v1/" + under + encode(key.bytes());
    }

    static String encode(byte[] key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key) {
            char c = (char) (b & 0xff);
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~".indexOf(c) >= 0;
            out.append(unreserved ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        return out.toString();
    }
}
