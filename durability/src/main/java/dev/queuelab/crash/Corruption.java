package dev.queuelab.crash;

import dev.queuelab.reference.log.RecordFrame;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Damage done on purpose to the active segment of a partition, after a crash and before recovery: a flipped
 * byte, a truncated tail, or a 4 KiB page of zeros. Returns the first offset the damage may take (every record
 * wholly before the damage must survive recovery: the good prefix).
 */
enum Corruption {
    FLIP,
    TRUNCATE,
    ZERO_PAGE;

    /** Damages the last segment in {@code partitionDir}; returns the first offset touched, or MAX_VALUE if none. */
    long apply(Path partitionDir, int partition, Random random) throws IOException {
        if (!Files.isDirectory(partitionDir)) {
            return Long.MAX_VALUE; // the child died before it created the partition
        }
        Path segment;
        try (Stream<Path> files = Files.list(partitionDir)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
        if (segment == null || Files.size(segment) == 0) {
            return Long.MAX_VALUE;
        }
        long size = Files.size(segment);
        long at = random.nextLong(size);
        long from = firstOffsetTouched(segment, partition, this == ZERO_PAGE ? at / 4096 * 4096 : at);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            switch (this) {
                case FLIP -> {
                    f.seek(at);
                    int b = f.read();
                    f.seek(at);
                    f.write(b ^ (1 + random.nextInt(255)));
                }
                case TRUNCATE -> f.setLength(at);
                case ZERO_PAGE -> {
                    long page = at / 4096 * 4096;
                    f.seek(page);
                    f.write(new byte[(int) Math.min(4096, size - page)]);
                }
                default -> throw new IllegalStateException(name());
            }
        }
        return from;
    }

    /** The offset of the frame holding byte {@code at}, read before the damage (frames are whole after kill -9). */
    private static long firstOffsetTouched(Path segment, int partition, long at) throws IOException {
        long base = Long.parseLong(segment.getFileName().toString().substring(0, 20));
        try (FileChannel ch = FileChannel.open(segment)) {
            long position = 0;
            long offset = base;
            while (position < ch.size()) {
                RecordFrame.Frame f = RecordFrame.read(ch, position, ch.size(), partition);
                if (f.status() != RecordFrame.Status.OK || position + f.size() > at) {
                    return offset;
                }
                position += f.size();
                offset = f.offset() + 1;
            }
            return offset;
        }
    }
}
