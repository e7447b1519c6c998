package io.dynamo.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The admin user's HTTP Basic credentials: from {@code --credentials FILE} (properties {@code user} and
 * {@code password}; the local cluster's {@code DYNAMO_SECURITY_ADMIN_PASSWORD=} line also counts as the password),
 * else from {@code DYNAMO_ADMIN_USER} and {@code DYNAMO_ADMIN_PASSWORD}. None at all is allowed: the ring and the
 * node list need none on a node that serves clients without credentials
 * ({@code dynamo.security.client.required=false}); the rest, and on other nodes everything, is refused with a 401
 * that says what to give.
 */
record AdminCredentials(String user, String password) {
    static final String DEFAULT_USER = "admin";

    @Override
    public String toString() {
        return "AdminCredentials[user=" + user + ", password=***]";
    }

    /** @return null when neither the file nor the environment gives a password */
    static AdminCredentials resolve(Path file, Map<String, String> env) {
        String user = env.getOrDefault("DYNAMO_ADMIN_USER", DEFAULT_USER);
        if (file == null) {
            String password = env.get("DYNAMO_ADMIN_PASSWORD");
            return password == null ? null : checked(user, password, "DYNAMO_ADMIN_USER");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw CliFailure.usage("cannot read the credentials file " + file + " (" + describe(e) + ").\nGive a"
                    + " readable properties file with password=... (and user=..., default admin).");
        }
        String password = properties.getProperty("password", properties.getProperty("DYNAMO_SECURITY_ADMIN_PASSWORD"));
        if (password == null) {
            throw CliFailure.usage("the credentials file " + file + " has no password=... line.");
        }
        return checked(properties.getProperty("user", user).strip(), password, "the credentials file's user");
    }

    private static AdminCredentials checked(String user, String password, String source) {
        if (user.isEmpty() || user.indexOf(':') >= 0) {
            throw CliFailure.usage(source + " '" + user + "' is not a user name (empty, or with ':').");
        }
        return new AdminCredentials(user, password);
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof IllegalArgumentException) {
            return "not a properties file: " + e.getMessage();
        }
        return e.getMessage() == null ? "cannot be read" : e.getMessage();
    }
}
