package io.dynamo.console.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HTTP Basic user the console signs in as. {@link #toString()} never shows the password. */
public record Credentials(String user, String password) {
    public static final String ADMIN_USER = "admin";

    public Credentials {
        user = user == null || user.isBlank() ? ADMIN_USER : user.strip();
        password = password == null ? "" : password;
    }

    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password.isEmpty() ? "none" : "***") + "]";
    }
}
