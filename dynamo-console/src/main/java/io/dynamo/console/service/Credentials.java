package io.dynamo.console.service;

/** The HTTP Basic user the console signs in as. {@link #toString()} never shows the password. */
public record Credentials(String user, String password) {
    public static final String ADMIN_USER = "admin";

    public Credentials {
        user = user == null || user.isBlank() ? ADMIN_USER : user.strip();
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password.isEmpty() ? "none" : "***") + "]";
    }
}
