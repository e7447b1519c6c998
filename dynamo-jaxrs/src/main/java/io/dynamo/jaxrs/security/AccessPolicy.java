package io.dynamo.jaxrs.security;

/**
 * The role each request needs, by method and path below {@code /api/v1}. Clients read the ring and the node list to
 * route requests straight to a key's coordinator, so those two reads need no more than the key-value API; every
 * other admin request changes the cluster or shows its internals and needs an admin.
 */
public record AccessPolicy(boolean clientsNeedCredentials) {

    public Role required(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("kv") || p.startsWith("kv/")) {
            return clientRole();
        }
        if (p.equals("admin") || p.startsWith("admin/")) {
            boolean routingRead = "GET".equals(method) && (p.equals("admin/ring") || p.equals("admin/nodes"));
            return routingRead ? clientRole() : Role.ADMIN;
        }
        return Role.NONE;
    }

    private Role clientRole() {
        return clientsNeedCredentials ? Role.CLIENT : Role.NONE;
    }
}
