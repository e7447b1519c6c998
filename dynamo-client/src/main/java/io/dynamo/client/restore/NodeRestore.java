package io.dynamo.client.restore;

import io.dynamo.api.BackupFileBody;
import io.dynamo.api.BackupManifestBody;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Restores a node's data directory from a backup, while the node is stopped: checks the manifest (format, node,
 * every file's size and SHA-256) before anything is written, refuses a data directory that holds data unless told
 * to replace it, then copies the files to the places they had and leaves the markers the node reads at its next
 * start (io.dynamo.infra.RestoreMarkers names the same files): {@value #INCOMPLETE} while copying, so that a node
 * never starts on half a restore, then {@value #PENDING}, on which the node gives its store a new incarnation.
 */
public final class NodeRestore {
    public static final String MANIFEST = "manifest.json";
    static final String INCOMPLETE = "restore.incomplete";
    static final String PENDING = "restore.pending";
    private static final Set<String> MARKERS = Set.of(INCOMPLETE, PENDING, "restore.applied");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** What was restored. */
    public record Result(BackupManifestBody manifest, Path dataDir, long bytes) {
    }

    private NodeRestore() {
    }

    /**
     * @param expectedNode the node the data directory belongs to, checked against the backup's; null to take the
     *                     backup's node as it is
     * @param replace      true to delete what the data directory holds first
     * @throws RestoreRefusedException naming what is wrong; nothing was written unless the copy itself failed
     */
    public static Result restore(Path backup, Path dataDir, String expectedNode, boolean replace) {
        BackupManifestBody manifest = verify(backup, expectedNode);
        Path data = dataDir.toAbsolutePath().normalize();
        Path from = backup.toAbsolutePath().normalize();
        if (data.startsWith(from) || from.startsWith(data)) {
            throw new RestoreRefusedException("the data directory " + data + " and the backup " + from
                    + " overlap; restore into the node's own data directory");
        }
        try {
            emptied(data, replace);
            Files.createDirectories(data);
            mark(data, INCOMPLETE, "restoring " + from + " (node " + manifest.node() + ")");
            long bytes = 0;
            for (BackupFileBody file : manifest.files()) {
                bytes += copy(from, data, file);
            }
            mark(data, PENDING, "restored " + from + ": node " + manifest.node() + ", ring v"
                    + manifest.ringVersion() + ", backup of " + manifest.created());
            Files.delete(data.resolve(INCOMPLETE));
            force(data);
            return new Result(manifest, data, bytes);
        } catch (IOException e) {
            throw new RestoreRefusedException("the restore into " + data + " failed: " + why(e) + "; it is incomplete:"
                    + " run it again with --replace");
        }
    }

    /**
     * Reads the backup's manifest and checks every file it lists, without writing anything.
     *
     * @throws RestoreRefusedException for a directory that is not a complete backup, of another node, or whose
     *                                 files changed
     */
    public static BackupManifestBody verify(Path backup, String expectedNode) {
        if (!Files.isDirectory(backup)) {
            throw new RestoreRefusedException(backup + " is not a directory; give the backup's own directory, e.g."
                    + " /var/backups/dynamo/node1-v3-20250101T120000.000Z");
        }
        Path manifestFile = backup.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new RestoreRefusedException(backup + " is not a complete backup: it has no " + MANIFEST
                    + " (a backup writes it last)");
        }
        BackupManifestBody manifest = read(manifestFile);
        if (manifest.formatVersion() != 1) {
            throw new RestoreRefusedException(manifestFile + " has format version " + manifest.formatVersion()
                    + "; this restore reads version 1");
        }
        if (manifest.node() == null || !NODE_ID.matcher(manifest.node()).matches() || manifest.files() == null) {
            throw new RestoreRefusedException(manifestFile + " names no valid node or lists no files");
        }
        if (expectedNode != null && !expectedNode.equals(manifest.node())) {
            throw new RestoreRefusedException("the backup " + backup + " is of node " + manifest.node() + ", not "
                    + expectedNode + "; a node is restored from its own backup only");
        }
        for (BackupFileBody file : manifest.files()) {
            Path path = inside(backup, file);
            String sha;
            try {
                if (!Files.isRegularFile(path) || Files.size(path) != file.size()) {
                    throw new RestoreRefusedException("the backup's file " + file.path() + " is missing or not "
                            + file.size() + " bytes long as " + MANIFEST + " says; the backup is damaged");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    sha = sha256(in, null);
                }
            } catch (IOException e) {
                throw new RestoreRefusedException("cannot read the backup's file " + path + ": " + why(e));
            }
            if (!sha.equals(file.sha256())) {
                throw new RestoreRefusedException("the backup's file " + file.path() + " does not match its SHA-256"
                        + " in " + MANIFEST + " (" + sha + " instead of " + file.sha256() + "); the backup is"
                        + " damaged");
            }
        }
        return manifest;
    }

    private static BackupManifestBody read(Path manifestFile) {
        try (Jsonb json = JsonbBuilder.create(); InputStream in = Files.newInputStream(manifestFile)) {
            BackupManifestBody manifest = json.fromJson(in, BackupManifestBody.class);
            if (manifest == null) {
                throw new RestoreRefusedException(manifestFile + " is empty");
            }
            return manifest;
        } catch (JsonbException e) {
            throw new RestoreRefusedException(manifestFile + " is not a backup manifest: " + e.getMessage());
        } catch (IOException e) {
            throw new RestoreRefusedException("cannot read " + manifestFile + ": " + why(e));
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The file's place under the root; a manifest that names a place outside it is refused. */
    private static Path inside(Path root, BackupFileBody file) {
        String relative = file.path();
        try {
            if (relative != null && !relative.isEmpty() && !Path.of(relative).isAbsolute() && file.size() >= 0
                    && file.sha256() != null && SHA256.matcher(file.sha256()).matches()) {
                Path to = root.resolve(relative).normalize();
                Path top = root.normalize();
                if (to.startsWith(top) && !to.equals(top) && !MARKERS.contains(top.relativize(to).toString())
                        && !top.relativize(to).toString().equals(MANIFEST)) {
                    return to;
                }
            }
        } catch (InvalidPathException e) {
            // refused below
        }
        throw new RestoreRefusedException(MANIFEST + " lists a file that is not a plain path inside the backup: "
                + file + "; the manifest is damaged");
    }

    private static void emptied(Path data, boolean replace) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        if (!Files.isDirectory(data)) {
            throw new RestoreRefusedException("the data directory " + data + " is a file");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(data)) {
            entries = list.toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        if (!replace) {
            throw new RestoreRefusedException("the data directory " + data + " is not empty (" + entries.size()
                    + " entries, e.g. " + entries.get(0).getFileName() + "); stop the node and give --replace to"
                    + " delete what it holds and restore the backup in its place");
        }
        for (Path entry : entries) {
            try (Stream<Path> tree = Files.walk(entry)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Copies the file, fsynced, checking its SHA-256 again on the way (the backup could change meanwhile). */
    private static long copy(Path from, Path data, BackupFileBody file) throws IOException {
        Path source = inside(from, file);
        Path target = data.resolve(from.relativize(source).toString());
        Files.createDirectories(target.getParent());
        String sha;
        try (InputStream in = Files.newInputStream(source);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            sha = sha256(in, out);
            out.force(true);
        }
        if (!sha.equals(file.sha256())) {
            throw new IOException(source + " changed while it was copied");
        }
        force(target.getParent());
        return file.size();
    }

    /** The SHA-256 of the stream, written on to {@code out} when given. */
    private static String sha256(InputStream in, FileChannel out) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            if (out != null) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void mark(Path data, String name, String text) throws IOException {
        try (FileChannel out = FileChannel.open(data.resolve(name), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        force(data);
    }

    /** What failed, in words (the operator reads it, not a class name). */
    private static String why(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file or directory " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " already exists";
        }
        return String.valueOf(e.getMessage());
    }

    private static void force(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
