package io.dynamo.jaxrs.security;

/** What a request needs. An admin may do everything a client may. */
public enum Role {
    /** Open to anyone (health, the ring for routing when clients need no credentials). */
    NONE,
    /** The key-value API and the ring, when the node requires client credentials. */
    CLIENT,
    /** Ring changes, joins, leaves, anti-entropy, key inspection, hints, transfers, events. */
    ADMIN;

    /** The group name a user carries and the role name the container knows. */
    public String group() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
