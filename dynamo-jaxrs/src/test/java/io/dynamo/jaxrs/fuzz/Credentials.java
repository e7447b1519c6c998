package io.dynamo.jaxrs.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The Authorization header lines a fuzzed request carries (none, one, or two) and the role they give on a node:
 * valid credentials of either user, and many ways of getting them wrong.
 */
public record Credentials(String lines, Role role, String what) {
    enum Role {
        NONE, CLIENT, ADMIN;

        boolean covers(Role needed) {
            return compareTo(needed) >= 0;
        }
    }

    public static final Credentials NONE = new Credentials("", Role.NONE, "no credentials");

    public static Credentials admin(FuzzTarget node) {
        return new Credentials(line(node.adminAuthorization()), node.adminEnabled() ? Role.ADMIN : Role.NONE,
                "admin");
    }

    public static Credentials client(FuzzTarget node) {
        return new Credentials(line(node.clientAuthorization()), Role.CLIENT, "client");
    }

    /** Valid credentials half of the time, otherwise one of the ways to get them wrong. */
    static Credentials random(Random random, FuzzTarget node) {
        if (random.nextBoolean()) {
            return random.nextBoolean() ? admin(node) : client(node);
        }
        List<Function<FuzzTarget, Credentials>> wrong = List.of(
                n -> NONE,
                n -> invalid("Basic", "an empty Basic"),
                n -> invalid("Basic " + "!".repeat(1 + random.nextInt(20)), "not base64"),
                n -> invalid("Basic " + encoded("client"), "no colon"),
                n -> invalid("Basic " + encoded(":" + n.clientPassword()), "no user"),
                n -> invalid("Basic " + encoded("client:"), "no password"),
                n -> invalid("Basic " + encoded("client:" + n.adminPassword()), "the other user's password"),
                n -> invalid("Basic " + encoded("admin:" + n.clientPassword()), "the client password for admin"),
                n -> invalid("Basic " + encoded("client:" + n.clientPassword() + "\u0000"), "a NUL after it"),
                n -> invalid("Basic " + encoded("client:" + n.clientPassword()) + "=", "bad padding"),
                n -> invalid("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', (byte) 0xfe}),
                        "bytes that are not UTF-8"),
                n -> invalid("Basic " + encoded("x".repeat(3000) + ":y"), "a 3000-byte user"),
                n -> invalid("Bearer " + encoded("client:" + n.clientPassword()), "another scheme"),
                n -> invalid("Digest username=\"client\"", "Digest"),
                n -> new Credentials(line(n.clientAuthorization()) + line(n.adminAuthorization()), Role.NONE,
                        "two Authorization headers"),
                n -> new Credentials(line("basic " + encoded("client:" + n.clientPassword())), Role.CLIENT,
                        "the scheme in lower case"),
                n -> new Credentials(line("BASIC   " + encoded("client:" + n.clientPassword()) + "  "), Role.CLIENT,
                        "extra spaces"),
                n -> invalid(random.nextInt(2) == 0 ? "Basic " + new String(new byte[] {1, 2, 3}, ISO_8859_1)
                        : "Basic " + "A".repeat(4 * (1 + random.nextInt(500))), "control characters or a long value"));
        return wrong.get(random.nextInt(wrong.size())).apply(node);
    }

    private static Credentials invalid(String header, String what) {
        return new Credentials(line(header), Role.NONE, what);
    }

    private static String encoded(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(UTF_8));
    }

    private static String line(String header) {
        return "Authorization: " + header + "\r\n";
    }

    @Override
    public String toString() {
        return what;
    }
}
