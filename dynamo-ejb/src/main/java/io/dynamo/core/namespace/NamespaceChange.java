package io.dynamo.core.namespace;

import java.util.Objects;

/** A change an admin plans: create or change a namespace with settings, or drop it (settings null). */
public record NamespaceChange(Kind kind, String name, NamespaceSettings settings) {
    public enum Kind { CREATE, CHANGE, DROP }

    public NamespaceChange {
        Objects.requireNonNull(kind);
        NamespaceName.check(name);
        if (kind != Kind.DROP) {
            Objects.requireNonNull(settings, "settings");
        }
    }

    public static NamespaceChange drop(String name) {
        return new NamespaceChange(Kind.DROP, name, null);
    }
}
