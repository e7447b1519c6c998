package io.dynamo.infra.xodus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What a power loss would leave of a Xodus directory: each log file up to the length it had when it was last
 * fsynced, and no file never synced. Xodus appends to its log files and never rewrites them, so a prefix is what a
 * disk that lost its unsynced pages would hold. Filled by {@link SyncRecordingProvider}.
 */
final class PowerCut {
    private static final Map<Path, PowerCut> BY_DIR = new ConcurrentHashMap<>();

    private final Path dir;
    private volatile Image synced = new Image(Map.of());
    private int syncs;

    private PowerCut(Path dir) {
        this.dir = dir;
    }

    static PowerCut of(Path dir) {
        return BY_DIR.computeIfAbsent(dir.toAbsolutePath().normalize(), PowerCut::new);
    }

    /** The log files' lengths now. */
    Image written() {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".xd"))
                    .forEach(f -> sizes.put(f.getFileName().toString(), size(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(sizes);
    }

    synchronized void synced(Image image) {
        syncs++;
        if (image.total() >= synced.total()) {
            synced = image;
        }
    }

    /** Fsyncs so far. */
    synchronized int syncs() {
        return syncs;
    }

    /** The lengths at the last fsync. */
    Image lastSynced() {
        return synced;
    }

    /** Copies what would survive a power loss now into {@code target}, a directory to open a store in. */
    Path cutTo(Path target) {
        return lastSynced().copyTo(dir, target);
    }

    /** The lengths of a directory's log files. */
    record Image(Map<String, Long> sizes) {
        long total() {
            return sizes.values().stream().mapToLong(Long::longValue).sum();
        }

        Path copyTo(Path from, Path target) {
            try {
                Files.createDirectories(target);
                for (Map.Entry<String, Long> file : sizes.entrySet()) {
                    try (FileChannel in = FileChannel.open(from.resolve(file.getKey()));
                         FileChannel out = FileChannel.open(target.resolve(file.getKey()),
                                 StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        long copied = 0;
                        while (copied < file.getValue()) {
                            copied += in.transferTo(copied, file.getValue() - copied, out);
                        }
                    }
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
