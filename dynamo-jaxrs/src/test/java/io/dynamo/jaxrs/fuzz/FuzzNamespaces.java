package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The namespaces the fuzzer creates through the admin API (plan, then commit) and the role each one needs, which
 * {@link ApiOracle} reads: a path under {@code ns/{name}} of such a namespace needs its role, any other namespace what
 * {@code kv} needs (docs/api.md, namespaces). Names are unique per run, so one registry serves every node.
 */
final class FuzzNamespaces {
    private static final Map<String, Credentials.Role> ROLES = new ConcurrentHashMap<>();
    private static final Pattern FROM_VERSION = Pattern.compile("\"fromVersion\"\\s*:\\s*(\\d+)");

    private FuzzNamespaces() {
    }

    /** The role a namespace the fuzzer created needs, or empty for any other name. */
    static Optional<Credentials.Role> role(String name) {
        return Optional.ofNullable(ROLES.get(name));
    }

    /** Records the role a namespace needs. */
    static void register(String name, Credentials.Role role) {
        ROLES.put(name, role);
    }

    /**
     * Creates the namespace through {@code admin} with the role ({@code none} or {@code client}), and waits until
     * every node lists its keys.
     */
    static void create(FuzzTarget admin, List<FuzzTarget> nodes, String name, String role) {
        String body = "{\"operation\":\"create\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"";
        RawHttp.Answer plan = adminPost(admin, "plan", body + "}");
        Matcher from = FROM_VERSION.matcher(plan.body());
        assertThat(from.find()).as("plan of %s: %s", name, plan).isTrue();
        adminPost(admin, "commit", body + ",\"catalogVersion\":" + from.group(1) + "}");
        register(name, role.equals("none") ? Credentials.Role.NONE : Credentials.Role.CLIENT);
        long deadline = System.currentTimeMillis() + 30_000;
        for (FuzzTarget node : nodes) {
            int status;
            do {
                status = node.http().sendExactly(FuzzRequests.request("GET", "/dynamo/api/v1/ns/" + name + "/keys",
                        "", new byte[0], Credentials.client(node)).bytes()).status();
            } while (status != 200 && System.currentTimeMillis() < deadline && pause());
            assertThat(status).as("%s lists the keys of the new namespace %s", node, name).isEqualTo(200);
        }
    }

    private static RawHttp.Answer adminPost(FuzzTarget admin, String step, String json) {
        RawHttp.Answer answer = admin.http().sendExactly(FuzzRequests.request("POST",
                "/dynamo/api/v1/admin/namespaces/" + step, "Content-Type: application/json\r\n", json.getBytes(UTF_8),
                Credentials.admin(admin)).bytes());
        assertThat(answer.status()).as("namespace %s %s: %s", step, json, answer).isEqualTo(200);
        return answer;
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
