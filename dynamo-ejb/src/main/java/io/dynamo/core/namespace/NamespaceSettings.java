package io.dynamo.core.namespace;

/**
 * What a namespace's keys get: N replicas, the default R and W, the default dw (0 for the node's durability
 * setting), the conflict policy, the longest key and largest value, the sibling warning and maximum, and the role
 * a client needs ({@link #NO_ROLE} for none). Checked on its own here; against the cluster in {@link NamespacePlanner}.
 */
public record NamespaceSettings(int replicas, int readQuorum, int writeQuorum, int durableWrites,
                                ConflictPolicy policy, int maxKeyBytes, int maxValueBytes, int siblingsWarn,
                                int siblingsMax, String role) {
    public static final String NO_ROLE = "none";

    public NamespaceSettings {
        require(replicas >= 1 && replicas <= 64, "N=" + replicas + " is out of range: N must be 1 or more");
        require(readQuorum >= 1 && readQuorum <= replicas, "R=" + readQuorum + " is out of range: it must be between"
                + " 1 and N=" + replicas);
        require(writeQuorum >= 1 && writeQuorum <= replicas, "W=" + writeQuorum + " is out of range: it must be"
                + " between 1 and N=" + replicas);
        require(durableWrites >= 0 && durableWrites <= writeQuorum, "dw=" + durableWrites + " is out of range: it"
                + " must be between 0 (the node's durability setting) and W=" + writeQuorum);
        require(policy != null, "the conflict policy is missing");
        require(maxKeyBytes >= 1, "the key limit " + maxKeyBytes + " must be 1 byte or more");
        require(maxValueBytes >= 1, "the value limit " + maxValueBytes + " must be 1 byte or more");
        require(siblingsWarn >= 1 && siblingsWarn <= siblingsMax, "the sibling warning " + siblingsWarn
                + " must be from 1 to the sibling maximum " + siblingsMax);
        require(role != null && (role.equals(NO_ROLE) || role.matches("[a-z][a-z0-9_-]{0,63}")), "role '"
                + NamespaceName.shown(role) + "' is invalid: it is 'none' or the name of a role (" + NamespaceName.RULE
                + ")");
    }

    /** Whether a client needs a role at all. */
    public boolean needsRole() {
        return !role.equals(NO_ROLE);
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new InvalidNamespaceException(why);
        }
    }
}
