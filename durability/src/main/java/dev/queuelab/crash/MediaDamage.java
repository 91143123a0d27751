package dev.queuelab.crash;

import dev.queuelab.reference.log.RecordFrame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damage to a partition's segment files between two lives, done to the {@link SimulatedDisk}'s durable bytes: a
 * flipped byte in any frame of any segment, or a whole frame with a valid CRC32C where another offset is due (the
 * last frame again, an earlier frame of the segment, the first frame of the segment before), as an unsynced
 * truncate, a retried write or a block written to the wrong place leaves one. The frames are read from outside,
 * by their layout; nothing is asked of the log.
 */
enum MediaDamage {
    FLIP,
    DUPLICATE_LAST,
    STALE_EARLIER,
    FROM_OLDER_SEGMENT;

    /** What was done, and the first offset it took (Long.MAX_VALUE: every whole frame before it is still there). */
    record Done(String description, long firstTaken) {}

    private record Frame(long offset, int start, int end) {}

    Done apply(SimulatedDisk disk, Path partitionDir, SplittableRandom r) {
        List<Path> segments = new ArrayList<>();
        for (Path f : disk.list(partitionDir)) {
            if (f.getFileName().toString().endsWith(".log")) {
                segments.add(f);
            }
        }
        if (segments.isEmpty()) {
            return new Done("nothing damaged: " + partitionDir.getFileName() + " holds no segment", Long.MAX_VALUE);
        }
        Path last = segments.get(segments.size() - 1);
        if (this == FLIP) {
            Path target = segments.get(r.nextInt(segments.size()));
            List<Frame> frames = frames(disk.durable(target));
            if (frames.isEmpty()) {
                return new Done("nothing damaged: " + target.getFileName() + " holds no whole frame", Long.MAX_VALUE);
            }
            Frame hit = frames.get(r.nextInt(frames.size()));
            int at = hit.start() + r.nextInt(hit.end() - hit.start());
            int mask = 1 + r.nextInt(255);
            disk.damage(target, b -> {
                b[at] ^= (byte) mask;
                return b;
            });
            return new Done(
                    "one byte flipped at byte " + at + " of " + target.getFileName() + ", in the frame of offset "
                            + hit.offset(),
                    hit.offset());
        }
        Path source = this == FROM_OLDER_SEGMENT && segments.size() > 1 ? segments.get(segments.size() - 2) : last;
        byte[] from = disk.durable(source);
        List<Frame> frames = frames(from);
        if (frames.isEmpty()) {
            return new Done("nothing damaged: " + source.getFileName() + " holds no whole frame", Long.MAX_VALUE);
        }
        Frame copied = switch (this) {
            case DUPLICATE_LAST -> frames.get(frames.size() - 1);
            case STALE_EARLIER -> frames.get(r.nextInt(frames.size()));
            default -> frames.get(0);
        };
        byte[] frame = Arrays.copyOfRange(from, copied.start(), copied.end());
        disk.damage(last, b -> {
            int end = frames(b).stream().mapToInt(Frame::end).max().orElse(0); // after the last whole frame
            byte[] out = Arrays.copyOf(b, end + frame.length);
            System.arraycopy(frame, 0, out, end, frame.length);
            return out;
        });
        return new Done(
                "a whole frame of offset " + copied.offset() + " (from " + source.getFileName() + ", its CRC32C"
                        + " valid) after the last frame of " + last.getFileName(),
                Long.MAX_VALUE);
    }

    /** The whole frames at the start of a segment's bytes, read by the frame layout. */
    private static List<Frame> frames(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int position = 0;
        while (position < bytes.length) {
            RecordFrame.Frame f = RecordFrame.read(b, position, bytes.length, 0);
            if (f.status() != RecordFrame.Status.OK) {
                break;
            }
            frames.add(new Frame(f.offset(), position, position + f.size()));
            position += f.size();
        }
        return frames;
    }
}
