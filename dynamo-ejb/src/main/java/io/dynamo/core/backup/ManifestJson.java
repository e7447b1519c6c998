package io.dynamo.core.backup;

import java.time.Instant;

/**
 * Writes {@code manifest.json}. By hand, as the core has no JSON library; the fields are flat and few. Clients read
 * it as {@code io.dynamo.api.BackupManifestBody} (a test in the REST module checks both agree).
 */
final class ManifestJson {
    private ManifestJson() {
    }

    static String write(BackupManifest m) {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "formatVersion", m.formatVersion());
        field(out, "node", m.node());
        field(out, "cluster", m.cluster());
        field(out, "ringVersion", m.ringVersion());
        field(out, "partitions", m.partitions());
        field(out, "replicas", m.replicas());
        field(out, "readQuorum", m.readQuorum());
        field(out, "writeQuorum", m.writeQuorum());
        field(out, "createdMillis", m.createdMillis());
        field(out, "created", Instant.ofEpochMilli(m.createdMillis()).toString());
        field(out, "keyCount", m.keyCount());
        out.append("  \"files\": [");
        for (int i = 0; i < m.files().size(); i++) {
            BackupFile f = m.files().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"path\": ").append(quoted(f.path()))
                    .append(", \"size\": ").append(f.size()).append(", \"sha256\": ").append(quoted(f.sha256()))
                    .append('}');
        }
        return out.append(m.files().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static void field(StringBuilder out, String name, long value) {
        out.append("  ").append(quoted(name)).append(": ").append(value).append(",\n");
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(quoted(name)).append(": ").append(quoted(value)).append(",\n");
    }

    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
