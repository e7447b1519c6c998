package io.dynamo.infra.xodus;

import io.dynamo.core.backup.BackupSource;
import io.dynamo.core.backup.ImageFile;
import io.dynamo.core.backup.StoreImage;
import io.dynamo.core.store.StorageException;
import java.util.ArrayList;
import java.util.List;
import jetbrains.exodus.backup.BackupStrategy;
import jetbrains.exodus.backup.VirtualFileDescriptor;
import jetbrains.exodus.env.Environment;

/**
 * A Xodus environment's files through Xodus' own backup strategy: pinning stops its cleaner (no log file is removed
 * or rewritten) and flushes and syncs the log, so the files with the lengths listed then hold every commit made
 * before; the environment keeps appending meanwhile, past those lengths. Restored, the copy opens as after a
 * crash at that point.
 */
final class XodusBackupSource implements BackupSource {
    private final String path;
    private final Environment env;

    /** @param path where the environment lives relative to the node's data directory, e.g. {@code store} */
    XodusBackupSource(String path, Environment env) {
        this.path = path;
        this.env = env;
    }

    @Override
    public StoreImage pin() {
        BackupStrategy strategy = env.getBackupStrategy();
        try {
            strategy.beforeBackup();
        } catch (Exception e) {
            throw new StorageException("cannot start a backup of the environment " + env.getLocation() + ": " + e, e);
        }
        try {
            List<ImageFile> files = new ArrayList<>();
            for (VirtualFileDescriptor fd : strategy.getContents()) {
                long size = fd.hasContent() ? Math.min(fd.getFileSize(), strategy.acceptFile(fd)) : 0;
                if (size > 0) {
                    files.add(new ImageFile(path + "/" + fd.getPath() + fd.getName(), size, fd::getInputStream));
                }
            }
            return new Pinned(strategy, List.copyOf(files));
        } catch (RuntimeException e) {
            release(strategy);
            throw e;
        }
    }

    private static void release(BackupStrategy strategy) {
        try {
            strategy.afterBackup();
        } catch (Exception e) {
            throw new StorageException("cannot resume the environment's cleaner after a backup: " + e, e);
        }
    }

    private record Pinned(BackupStrategy strategy, List<ImageFile> files) implements StoreImage {
        @Override
        public void close() {
            release(strategy);
        }
    }
}
