package io.dynamo.core.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Copies the node's stores into {@code <directory>/<node>-v<ring version>-<UTC time>/}, keeping their layout under
 * the data directory, while the node keeps serving: every store is pinned first (so the copy holds every write
 * committed before the backup started), then its files are copied with their SHA-256, then {@code manifest.json}
 * is written last, so a directory without one is not a backup. One backup at a time; a failed one is removed.
 */
public final class NodeBackup {
    public static final String MANIFEST = "manifest.json";
    private static final Logger LOG = Logger.getLogger(NodeBackup.class.getName());
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BUFFER = 1 << 16;

    private final Path dataDir;
    private final BackupSupport support;
    private final Progress progress = new Progress();
    private volatile BackupStatus status = BackupStatus.IDLE;

    /** @param dataDir the node's data directory, which a backup must not be written into */
    public NodeBackup(Path dataDir, BackupSupport support) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.support = support;
    }

    /**
     * Starts a backup into a directory of its own under {@code directory} and returns at once; {@link #status()}
     * follows it.
     *
     * @param draft the manifest's node facts (its file list is made by the copy)
     * @throws InvalidBackupDirectoryException when the directory cannot take a backup
     * @throws BackupRunningException          while the previous backup runs
     */
    public synchronized BackupStatus start(String directory, BackupManifest draft) {
        if (status.state() == BackupStatus.State.RUNNING) {
            throw new BackupRunningException("a backup of node " + draft.node() + " into " + status.directory()
                    .orElse("?") + " is under way (" + progress.filesDone + " of " + progress.filesTotal
                    + " files); wait until GET /admin/backup says DONE or FAILED");
        }
        Path target = usable(directory).resolve(draft.node() + "-v" + draft.ringVersion() + "-"
                + NAME_TIME.format(Instant.ofEpochMilli(draft.createdMillis())));
        try {
            Files.createDirectory(target);
        } catch (IOException e) {
            throw new InvalidBackupDirectoryException("field 'directory': cannot create " + target + ": " + e);
        }
        progress.reset();
        status = new BackupStatus(BackupStatus.State.RUNNING, Optional.of(target.toString()), draft.createdMillis(),
                0, 0, 0, 0, 0, Optional.empty(), status.last());
        BackupStatus started = status();
        support.runner().execute(() -> run(target, draft));
        return started;
    }

    /** The backup under way (with its progress now) or the latest, and the latest that completed. */
    public BackupStatus status() {
        BackupStatus s = status;
        if (s.state() != BackupStatus.State.RUNNING) {
            return s;
        }
        return new BackupStatus(s.state(), s.directory(), s.startedMillis(), 0, progress.filesDone,
                progress.filesTotal, progress.bytesDone, progress.bytesTotal, Optional.empty(), s.last());
    }

    private Path usable(String directory) {
        Path dir;
        try {
            dir = Path.of(directory);
        } catch (InvalidPathException e) {
            throw new InvalidBackupDirectoryException("field 'directory' = \"" + directory + "\" is not a path: "
                    + e.getReason());
        }
        if (!dir.isAbsolute()) {
            throw new InvalidBackupDirectoryException("field 'directory' = \"" + directory + "\" is relative; give"
                    + " an absolute path on the node's own disk, e.g. /var/backups/dynamo");
        }
        dir = dir.normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidBackupDirectoryException("field 'directory' = \"" + directory + "\" is not an existing"
                    + " directory on the node's disk; create it first");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidBackupDirectoryException("field 'directory' = \"" + directory + "\" is not writable by"
                    + " the node's process");
        }
        if (dir.startsWith(dataDir)) {
            throw new InvalidBackupDirectoryException("field 'directory' = \"" + directory + "\" is inside the"
                    + " node's data directory " + dataDir + "; back up to another directory");
        }
        return dir;
    }

    private void run(Path target, BackupManifest draft) {
        List<StoreImage> pinned = new ArrayList<>();
        try {
            for (BackupSource source : support.sources()) {
                pinned.add(source.pin());
            }
            List<ImageFile> files = pinned.stream().flatMap(image -> image.files().stream()).toList();
            progress.total(files.size(), files.stream().mapToLong(ImageFile::size).sum());
            List<BackupFile> written = new ArrayList<>();
            for (ImageFile file : files) {
                written.add(copy(file, target));
                progress.fileDone();
            }
            BackupManifest manifest = draft.withFiles(written);
            write(target.resolve(MANIFEST), ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8));
            force(target);
            finish(BackupStatus.State.DONE, Optional.empty(),
                    Optional.of(new BackupStatus.Completed(target.toString(), manifest)));
            LOG.info(() -> "backup of node " + draft.node() + " written to " + target + ": " + written.size()
                    + " files, " + manifest.bytes() + " bytes");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "backup of node " + draft.node() + " into " + target + " failed", e);
            removeQuietly(target);
            finish(BackupStatus.State.FAILED, Optional.of(String.valueOf(e.getMessage())), status.last());
        } finally {
            pinned.forEach(NodeBackup::closeQuietly);
        }
    }

    private synchronized void finish(BackupStatus.State state, Optional<String> error,
                                     Optional<BackupStatus.Completed> last) {
        BackupStatus s = status;
        status = new BackupStatus(state, s.directory(), s.startedMillis(), System.currentTimeMillis(),
                progress.filesDone, progress.filesTotal, progress.bytesDone, progress.bytesTotal, error, last);
    }

    /** Copies the image's bytes of the file, fsynced, and returns its entry in the manifest. */
    private BackupFile copy(ImageFile file, Path target) throws IOException {
        Path to = inside(target, file.path());
        Files.createDirectories(to.getParent());
        MessageDigest sha = sha256();
        byte[] buffer = new byte[BUFFER];
        long left = file.size();
        try (InputStream in = file.content().open();
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(file.path() + " ended " + left + " bytes before the image's "
                            + file.size());
                }
                sha.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                left -= n;
                progress.bytes(n);
            }
            out.force(true);
        }
        return new BackupFile(file.path(), file.size(), HexFormat.of().formatHex(sha.digest()));
    }

    /** The file's place under the backup; a path that would leave it is a fault of the store adapter. */
    static Path inside(Path root, String relative) {
        Path to = root.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !to.startsWith(root) || to.equals(root)) {
            throw new IllegalArgumentException("the file path " + relative + " does not stay inside " + root);
        }
        return to;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    /** Makes the directory's entries durable (the manifest's name included). */
    private static void force(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void removeQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warning(() -> "could not remove the failed backup " + dir + ": " + e);
        }
    }

    private static void closeQuietly(StoreImage image) {
        try {
            image.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "releasing a store after its backup failed", e);
        }
    }

    /** Counters the copying thread moves and status readers read. */
    private static final class Progress {
        volatile int filesDone;
        volatile int filesTotal;
        volatile long bytesDone;
        volatile long bytesTotal;

        void reset() {
            filesDone = 0;
            filesTotal = 0;
            bytesDone = 0;
            bytesTotal = 0;
        }

        void total(int files, long bytes) {
            filesTotal = files;
            bytesTotal = bytes;
        }

        void fileDone() {
            filesDone++;
        }

        void bytes(long n) {
            bytesDone += n;
        }
    }
}
