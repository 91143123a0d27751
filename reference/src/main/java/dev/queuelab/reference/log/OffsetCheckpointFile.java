package dev.queuelab.reference.log;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A small file of named offsets ("name offset" lines, then "crc32c N"), replaced whole and atomically: written
 * to a temporary file, forced, renamed over the old one, and the directory forced.
 *
 * Teaches: how to update a file so that a crash leaves either the old version or the new one, never half of
 * each: write aside, force, rename (atomic on POSIX file systems), force the directory.
 * Invariants:
 *   OC1 {@link #read} returns a map some {@link #write} wrote whole, or nothing (a torn or altered file fails
 *      its checksum and reads as absent).
 * Thread-safety: none; callers serialize writes to one file.
 * Real world: Kafka's OffsetCheckpointFile (recovery-point-offset-checkpoint) and its .kafka_cleanshutdown
 * marker. Kafka keeps consumer offsets in the __consumer_offsets topic; here they are in a file like this.
 */
public final class OffsetCheckpointFile {

    private OffsetCheckpointFile() {}

    public static void write(Path file, Map<String, Long> offsets) {
        write(Disk.REAL, file, offsets);
    }

    /** OC1: replaces {@code file} on {@code disk} whole: written aside, forced, renamed over, directory forced. */
    public static void write(Disk disk, Path file, Map<String, Long> offsets) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(offsets)
                .forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = (text + "crc32c " + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Disk.Handle h = disk.open(tmp)) {
            h.truncate(0);
            h.write(ByteBuffer.wrap(all), 0);
            h.force();
        }
        disk.rename(tmp, file);
        disk.forceDirectory(file.getParent());
    }

    /** The offsets a write left whole (OC1), or empty if the file is absent, torn or altered. */
    public static Optional<Map<String, Long>> read(Path file) {
        return read(Disk.REAL, file);
    }

    /** The offsets a write left whole in {@code file} on {@code disk} (OC1), or empty. */
    public static Optional<Map<String, Long>> read(Disk disk, Path file) {
        if (!disk.exists(file)) {
            return Optional.empty();
        }
        String text;
        try (Disk.Handle h = disk.open(file)) {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(h.read(0, (int) h.size()))
                    .toString();
        } catch (CharacterCodingException altered) {
            return Optional.empty();
        }
        int last = text.lastIndexOf("crc32c ");
        if (last < 0 || !text.endsWith("\n")) {
            return Optional.empty();
        }
        String body = text.substring(0, last);
        if (!text.substring(last + 7, text.length() - 1)
                .equals(String.valueOf(crc(body.getBytes(StandardCharsets.UTF_8))))) {
            return Optional.empty(); // OC1
        }
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                int space = line.lastIndexOf(' ');
                offsets.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
            }
        }
        return Optional.of(offsets);
    }

    /** Forces a directory, so that files created, renamed or deleted in it stay so after a power loss. */
    public static void forceDirectory(Path dir) {
        Disk.REAL.forceDirectory(dir);
    }

    private static long crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        return c.getValue();
    }
}
