package io.dynamo.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code [URL] [--user USER] [--password-file FILE] [--screenshots DIR] [--key KEY]}. The user
 * and password may also come from {@code DYNAMO_ADMIN_USER} and {@code DYNAMO_ADMIN_PASSWORD}; a password file
 * holds the password alone or, like the local cluster's {@code data/credentials}, a line
 * {@code DYNAMO_SECURITY_ADMIN_PASSWORD=...}. The password is never printed.
 */
public record ConsoleOptions(String url, String user, String password, Path screenshots, String key) {
    public static final String USAGE = """
            usage: console [URL] [--user USER] [--password-file FILE] [--screenshots DIR] [--key KEY]
              URL               a node, e.g. http://127.0.0.1:8080 (default)
              --user            the admin user (default admin, or DYNAMO_ADMIN_USER)
              --password-file   a file with the admin password (or DYNAMO_ADMIN_PASSWORD)
              --screenshots DIR open each view, wait for its data, save it as DIR/console-VIEW.png and exit
              --key KEY         the key the ring and siblings views look up (with --screenshots)""";

    public static ConsoleOptions parse(List<String> args, Map<String, String> env) {
        String url = null;
        String user = env.get("DYNAMO_ADMIN_USER");
        String password = env.get("DYNAMO_ADMIN_PASSWORD");
        Path screenshots = null;
        String key = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--user" -> user = value(args, ++i, arg);
                case "--password-file" -> password = readPassword(Path.of(value(args, ++i, arg)));
                case "--screenshots" -> screenshots = Path.of(value(args, ++i, arg));
                case "--key" -> key = value(args, ++i, arg);
                case "--url" -> url = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--") || url != null) {
                        throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
                    }
                    url = arg;
                }
            }
        }
        return new ConsoleOptions(url, user, password, screenshots, key);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    static String readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            Optional<String> named = lines.stream().filter(l -> l.startsWith("DYNAMO_SECURITY_ADMIN_PASSWORD="))
                    .map(l -> l.substring(l.indexOf('=') + 1)).findFirst();
            return named.orElse(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "ConsoleOptions[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", screenshots=" + screenshots + ", key=" + key + "]";
    }
}
