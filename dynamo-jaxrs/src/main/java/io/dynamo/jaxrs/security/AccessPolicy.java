package io.dynamo.jaxrs.security;

import java.util.Optional;

/**
 * The role each request needs, by method and path below {@code /api/v1}. Clients read the ring and the node list to
 * route requests straight to a key's coordinator, so those two reads need no more than the key-value API; every
 * other admin request changes the cluster or shows its internals and needs an admin.
 *
 * <p>The path is judged as JAX-RS matches it: a segment's matrix parameters ({@code admin;x=1}) and empty segments
 * ({@code admin//hints}) do not count. Judged as written, {@code admin;x=1/hints} looked like no admin path while
 * JAX-RS still served the hints.
 */
public record AccessPolicy(boolean clientsNeedCredentials) {

    public Role required(String method, String path) {
        String p = matched(path);
        if (p.equals("kv") || p.startsWith("kv/") || p.equals("ns") || p.startsWith("ns/")) {
            return clientRole();
        }
        if (p.equals("admin") || p.startsWith("admin/")) {
            boolean routingRead = "GET".equals(method) && (p.equals("admin/ring") || p.equals("admin/nodes"));
            return routingRead ? clientRole() : Role.ADMIN;
        }
        return Role.NONE;
    }

    /**
     * The namespace a path below {@code ns/} names, else empty: the role such a request needs is the namespace's
     * ({@link AccessFilter}), and {@link #required} for {@code kv} when the namespace does not exist.
     */
    public static Optional<String> namespaceOf(String path) {
        String[] segments = matched(path).split("/");
        return segments.length >= 2 && segments[0].equals("ns") ? Optional.of(segments[1]) : Optional.empty();
    }

    /** The path without matrix parameters and empty segments, and without a leading slash. */
    static String matched(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : path.split("/")) {
            int matrix = segment.indexOf(';');
            String name = matrix < 0 ? segment : segment.substring(0, matrix);
            if (!name.isEmpty()) {
                out.append(out.length() == 0 ? "" : "/").append(name);
            }
        }
        return out.toString();
    }

    private Role clientRole() {
        return clientsNeedCredentials ? Role.CLIENT : Role.NONE;
    }
}
