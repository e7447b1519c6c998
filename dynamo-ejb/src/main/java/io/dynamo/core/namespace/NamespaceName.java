package io.dynamo.core.namespace;

import io.dynamo.core.base.Key;
import java.util.regex.Pattern;

/** The rule for namespace names (and for the names of roles a namespace requires). */
public final class NamespaceName {
    public static final int MAX_LENGTH = 64;
    public static final String RULE = "1 to " + MAX_LENGTH + " characters: lower-case letters, digits, '-' and '_',"
            + " starting with a letter";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private NamespaceName() {
    }

    /** The name, if it follows {@link #RULE}; {@code default} does too. */
    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidNamespaceException("namespace name '" + shown(name) + "' is invalid: a name has " + RULE);
        }
        return name;
    }

    public static boolean isDefault(String name) {
        return Key.DEFAULT_NAMESPACE.equals(name);
    }

    static String shown(String name) {
        if (name == null) {
            return "";
        }
        return name.length() > MAX_LENGTH + 16 ? name.substring(0, MAX_LENGTH + 16) + "..." : name;
    }
}
