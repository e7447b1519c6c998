package io.dynamo.infra.jgroups;

import static io.dynamo.infra.jgroups.JGroupsSettings.DEFAULT_KEY_ALIAS;
import static io.dynamo.infra.jgroups.JGroupsSettings.KEYSTORE;
import static io.dynamo.infra.jgroups.JGroupsSettings.KEYSTORE_PASSWORD;
import static io.dynamo.infra.jgroups.JGroupsSettings.KEY_ALIAS;
import static io.dynamo.infra.jgroups.JGroupsSettings.SECRET;
import static io.dynamo.infra.jgroups.JGroupsSettings.SECRET_FILE;

import io.dynamo.core.base.InvalidConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Reads which cluster key a node uses: a shared secret ({@code dynamo.cluster.secret}, or
 * {@code dynamo.cluster.secret.file} so it stays out of the process list), or a keystore entry
 * ({@code dynamo.cluster.keystore}, {@code dynamo.cluster.keystore.password}, {@code dynamo.cluster.key.alias}).
 * At most one source may be set; none means cluster traffic is not protected.
 */
final class ClusterKeySettings {
    private static final Logger LOG = Logger.getLogger(ClusterKeySettings.class.getName());

    private ClusterKeySettings() {
    }

    /**
     * @param text a setting's value, stripped, empty when unset
     * @throws InvalidConfigException naming the setting to fix; never quoting a secret or password
     */
    static Optional<ClusterKey> read(Function<String, Optional<String>> text, String clusterName) {
        List<String> set = List.of(SECRET, SECRET_FILE, KEYSTORE).stream().filter(n -> text.apply(n).isPresent())
                .toList();
        if (set.size() > 1) {
            throw new InvalidConfigException("settings " + String.join(", ", set) + " are set together: set only "
                    + "one source for the cluster key");
        }
        if (set.isEmpty()) {
            if (text.apply(KEYSTORE_PASSWORD).isPresent() || text.apply(KEY_ALIAS).isPresent()) {
                throw new InvalidConfigException("setting " + KEYSTORE + " is missing: " + KEYSTORE_PASSWORD + " or "
                        + KEY_ALIAS + " is set, but no keystore" + JGroupsSettings.hint(KEYSTORE));
            }
            return Optional.empty();
        }
        return Optional.of(switch (set.get(0)) {
            case SECRET -> ClusterKey.fromSecret(text.apply(SECRET).orElseThrow(), clusterName, SECRET);
            case SECRET_FILE -> ClusterKey.fromSecret(secretFromFile(text.apply(SECRET_FILE).orElseThrow()),
                    clusterName, SECRET_FILE);
            default -> fromKeyStore(text);
        });
    }

    private static ClusterKey fromKeyStore(Function<String, Optional<String>> text) {
        Path path = Path.of(text.apply(KEYSTORE).orElseThrow());
        if (!Files.isReadable(path)) {
            throw new InvalidConfigException("setting " + KEYSTORE + " = " + path + " is invalid: no readable file "
                    + "there" + JGroupsSettings.hint(KEYSTORE));
        }
        String password = text.apply(KEYSTORE_PASSWORD).orElseThrow(() -> new InvalidConfigException("setting "
                + KEYSTORE_PASSWORD + " is missing: the keystore " + path + " needs its password"
                + JGroupsSettings.hint(KEYSTORE_PASSWORD)));
        return ClusterKey.fromKeyStore(path, password.toCharArray(), text.apply(KEY_ALIAS).orElse(DEFAULT_KEY_ALIAS),
                KEYSTORE, KEYSTORE_PASSWORD, KEY_ALIAS);
    }

    private static String secretFromFile(String file) {
        Path path = Path.of(file);
        String secret;
        try {
            secret = Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InvalidConfigException("setting " + SECRET_FILE + " = " + file + " is invalid: the file cannot "
                    + "be read (" + e + ")" + JGroupsSettings.hint(SECRET_FILE));
        }
        warnIfOthersCanRead(path);
        return secret;
    }

    private static void warnIfOthersCanRead(Path path) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warning(() -> "the cluster secret file " + path + " (setting " + SECRET_FILE + ") can be read by "
                        + "other users: chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
