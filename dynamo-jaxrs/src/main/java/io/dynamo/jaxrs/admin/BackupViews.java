package io.dynamo.jaxrs.admin;

import io.dynamo.api.BackupBody;
import io.dynamo.api.BackupFileBody;
import io.dynamo.api.BackupManifestBody;
import io.dynamo.core.backup.BackupManifest;
import io.dynamo.core.backup.BackupStatus;
import java.time.Instant;

/** The node's backup as the admin API shows it. */
final class BackupViews {
    private BackupViews() {
    }

    static BackupBody of(String nodeId, BackupStatus s) {
        return new BackupBody(nodeId, s.state().name(), s.directory().orElse(null), s.startedMillis(),
                s.finishedMillis(), s.filesDone(), s.filesTotal(), s.bytesDone(), s.bytesTotal(), s.error().orElse(null),
                s.last().map(BackupStatus.Completed::directory).orElse(null),
                s.last().map(c -> manifest(c.manifest())).orElse(null));
    }

    static BackupManifestBody manifest(BackupManifest m) {
        return new BackupManifestBody(m.formatVersion(), m.node(), m.cluster(), m.ringVersion(), m.partitions(),
                m.replicas(), m.readQuorum(), m.writeQuorum(), m.createdMillis(),
                Instant.ofEpochMilli(m.createdMillis()).toString(), m.keyCount(), m.files().stream()
                .map(f -> new BackupFileBody(f.path(), f.size(), f.sha256())).toList());
    }
}
