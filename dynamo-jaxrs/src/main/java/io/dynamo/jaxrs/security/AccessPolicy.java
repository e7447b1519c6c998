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
        if (p.equals("kv") || p.startsWith("kv/") || p.equals("ns") || p.startsWith("ns/") || p.equals("keys")
                || p.startsWith("keys/")) {
            return clientRole();
        }
        if (p.equals("admin") || p.startsWith("admin/")) {
            boolean routingRead = "GET".equals(method) && (p.equals("admin/ring") || p.equals("admin/nodes"));
            return routingRead ? clientRole() : Role.ADMIN;
        }
        return Role.NONE;
    }

    /**
     * The namespace other than {@code default} a path below {@code ns/} names, else empty. Such a request needs the
     * namespace's own role ({@link #group}); {@code ns/default} and a namespace that does not exist need what
     * {@code kv} needs.
     */
    public static Optional<String> ownNamespace(String path) {
        String[] segments = matched(path).split("/");
        return segments.length >= 2 && segments[0].equals("ns") && !segments[1].equals("default")
                ? Optional.of(segments[1]) : Optional.empty();
    }

    /**
     * The group a request's user must have, or empty when it needs none: the namespace's role when the request is
     * for a namespace of its own ({@code none} opens it, any other role closes it to users without that role), else
     * the group of the role {@link #required} gave.
     */
    public static Optional<String> group(Role required, Optional<String> namespaceRole) {
        if (namespaceRole.isPresent()) {
            String role = namespaceRole.get();
            return role.equals("none") ? Optional.empty() : Optional.of(role);
        }
        return required == Role.NONE ? Optional.empty() : Optional.of(required.group());
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
