package io.dynamo.jaxrs.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The users a node accepts, from its settings: one admin and one client user, each with a password. A role whose
 * password is not set has no user: without an admin password nobody can use the admin API. The key-value API needs
 * the client role unless {@value #CLIENT_REQUIRED} is {@code false}, so a node that requires it without a client
 * password is refused: it could serve no application.
 */
public final class SecuritySettings {
    public static final String ADMIN_USER = "dynamo.security.admin.user";
    public static final String ADMIN_PASSWORD = "dynamo.security.admin.password";
    public static final String CLIENT_USER = "dynamo.security.client.user";
    public static final String CLIENT_PASSWORD = "dynamo.security.client.password";
    public static final String CLIENT_REQUIRED = "dynamo.security.client.required";

    private final String adminUser;
    private final byte[] adminPassword;
    private final String clientUser;
    private final byte[] clientPassword;
    private final boolean clientRequired;

    /** @param setting looks a setting up by name; empty when it is not set */
    public SecuritySettings(Function<String, Optional<String>> setting) {
        this.adminUser = setting.apply(ADMIN_USER).orElse("admin");
        this.adminPassword = digest(setting.apply(ADMIN_PASSWORD));
        this.clientUser = setting.apply(CLIENT_USER).orElse("client");
        this.clientPassword = digest(setting.apply(CLIENT_PASSWORD));
        String required = setting.apply(CLIENT_REQUIRED).orElse("true").trim();
        if (!required.equals("true") && !required.equals("false")) {
            throw new IllegalArgumentException("setting " + CLIENT_REQUIRED + " = " + required
                    + " is invalid: it must be true or false");
        }
        this.clientRequired = Boolean.parseBoolean(required);
        if (clientRequired && clientPassword == null) {
            throw new IllegalArgumentException("no client password is set, and the key-value API requires the client"
                    + " user (" + CLIENT_REQUIRED + " is true unless set to false): set " + CLIENT_PASSWORD
                    + " (better as the environment variable DYNAMO_SECURITY_CLIENT_PASSWORD), or set " + CLIENT_REQUIRED
                    + "=false to serve the key-value API to anyone without credentials (docs/security.md)");
        }
        if (adminPassword != null && clientPassword != null && adminUser.equals(clientUser)) {
            throw new IllegalArgumentException("settings " + ADMIN_USER + " and " + CLIENT_USER + " both name user "
                    + adminUser + "; give the client user another name");
        }
    }

    public boolean adminConfigured() {
        return adminPassword != null;
    }

    public boolean clientRequired() {
        return clientRequired;
    }

    public AccessPolicy policy() {
        return new AccessPolicy(clientRequired);
    }

    /** The roles of the user whose password matches, or empty (unknown user or wrong password). */
    public Optional<Set<Role>> authenticate(String user, String password) {
        byte[] given = digest(Optional.of(password));
        // Both comparisons always run and compare digests, so timing tells nothing about which part was wrong.
        boolean admin = adminPassword != null & MessageDigest.isEqual(given, adminPassword) & adminUser.equals(user);
        boolean client = clientPassword != null & MessageDigest.isEqual(given, clientPassword)
                & clientUser.equals(user);
        if (admin) {
            return Optional.of(Set.of(Role.ADMIN, Role.CLIENT));
        }
        return client ? Optional.of(Set.of(Role.CLIENT)) : Optional.empty();
    }

    private static byte[] digest(Optional<String> password) {
        if (password.isEmpty() || password.get().isEmpty()) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.get().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
