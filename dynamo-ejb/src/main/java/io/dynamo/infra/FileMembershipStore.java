package io.dynamo.infra;

import io.dynamo.core.backup.BackupSource;
import io.dynamo.core.backup.ImageFile;
import io.dynamo.core.backup.StoreImage;
import io.dynamo.core.membership.MembershipState;
import io.dynamo.core.membership.MembershipStateCodec;
import io.dynamo.core.membership.MembershipStore;
import io.dynamo.core.store.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The membership state in one small file, replaced atomically: the new state is written to a temporary file,
 * forced to disk, and moved over the old one, so a crash leaves either the old state or the new one, never a
 * mix. The file is a magic number, a CRC-32 of the payload, and the {@link MembershipStateCodec} bytes; a file
 * that fails the check is reported rather than ignored (the node would otherwise forget the ring it acted on).
 */
public final class FileMembershipStore implements MembershipStore {
    /** Its name in a node's data directory. */
    public static final String FILE_NAME = "membership.bin";
    private static final byte[] MAGIC = {'D', 'M', 'S', '1'};
    private static final int HEADER = MAGIC.length + Long.BYTES;

    private final Path file;
    private final Path temp;

    public FileMembershipStore(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** The store kept as {@value #FILE_NAME} in a node's data directory. */
    public static FileMembershipStore in(Path dataDir) {
        return new FileMembershipStore(dataDir.resolve(FILE_NAME));
    }

    @Override
    public synchronized Optional<MembershipState> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("cannot read the membership state " + file + ": " + e, e);
        }
        try {
            return Optional.of(MembershipStateCodec.decode(payload(bytes)));
        } catch (IllegalArgumentException e) {
            throw new StorageException("the membership state " + file + " is corrupt (" + e.getMessage()
                    + "); move it away and restart the node: it relearns the ring from its seeds", e);
        }
    }

    @Override
    public synchronized void save(MembershipState state) {
        byte[] payload = MembershipStateCodec.encode(state);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length).put(MAGIC).putLong(crc.getValue()).put(payload);
        out.flip();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ch.force(true);
            }
            move();
        } catch (IOException e) {
            throw new StorageException("cannot save the membership state to " + file + ": " + e
                    + "; check that the data directory is writable and not full", e);
        }
    }

    /**
     * The state as saved last, for a backup, under {@code path} in the node's data directory: read at once (it is
     * replaced whole, never changed in place), nothing when none was saved.
     */
    public BackupSource backupSource(String path) {
        return () -> {
            byte[] bytes;
            synchronized (this) {
                try {
                    bytes = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    bytes = null;
                } catch (IOException e) {
                    throw new StorageException("cannot read the membership state " + file + " for a backup: " + e, e);
                }
            }
            byte[] copy = bytes;
            List<ImageFile> files = copy == null ? List.of()
                    : List.of(new ImageFile(path, copy.length, () -> new ByteArrayInputStream(copy)));
            return new StoreImage() {
                @Override
                public List<ImageFile> files() {
                    return files;
                }

                @Override
                public void close() {
                    // nothing pinned: the bytes were read at once
                }
            };
        };
    }

    private void move() throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] payload(byte[] bytes) {
        if (bytes.length < HEADER || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a membership state file (bad header)");
        }
        long expected = ByteBuffer.wrap(bytes, MAGIC.length, Long.BYTES).getLong();
        byte[] payload = Arrays.copyOfRange(bytes, HEADER, bytes.length);
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (crc.getValue() != expected) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        return payload;
    }

    @Override
    public String toString() {
        return "FileMembershipStore[" + file + "]";
    }
}
