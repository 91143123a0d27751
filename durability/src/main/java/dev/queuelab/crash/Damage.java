package dev.queuelab.crash;

import dev.queuelab.reference.log.RecordFrame;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What a crash, or the disk under it, leaves in a segment file before the next open: nothing (every record
 * whole), a torn last record, zeros after the last record, a flipped byte, a 4 KiB page of zeros, or a whole frame
 * with a valid CRC32C at the wrong offset after the last record (the last frame again, as a retried write leaves
 * it; an earlier frame, as an unsynced truncate undone by a crash leaves it; a frame of the segment before). Each
 * says in plain words what it did and the first offset it touched: every record before that one is whole, and
 * recovery must keep it.
 */
enum Damage {
    NONE("no damage: every record whole", 10),
    TORN_TAIL("a torn last record", 25),
    TRAILING_ZEROS("zeros after the last record", 10),
    FLIP("a flipped byte", 35),
    ZERO_PAGE("a 4 KiB page of zeros", 20),
    DUPLICATED_FRAME("the last frame written twice", 8),
    STALE_FRAME("an earlier frame after the last (a truncate undone)", 8),
    OLDER_SEGMENT_FRAME("a frame of the segment before, after the last", 12);

    /** What was done to which file, and the first offset whose frame changed (Long.MAX_VALUE: none). */
    record Injected(Damage damage, String description, long firstTouched) {}

    private final String situation;
    private final int weight;

    Damage(String situation, int weight) {
        this.situation = situation;
        this.weight = weight;
    }

    /** "damage: a flipped byte": the situation a trial reached, for coverage. */
    String situation() {
        return "damage: " + situation;
    }

    /** One kind, by its weight: flips and torn tails most often, a clean crash one trial in ten. */
    static Damage draw(SplittableRandom r) {
        int total = Arrays.stream(values()).mapToInt(d -> d.weight).sum();
        int pick = r.nextInt(total);
        for (Damage d : values()) {
            pick -= d.weight;
            if (pick < 0) {
                return d;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** A frame as written: its offset and its bytes [start, end) in the file, with the lengths of its fields. */
    private record Span(long offset, int start, int end, int key, int value) {

        /** The field that holds byte {@code at} of the file, as the api's frame layout names it. */
        String field(int at) {
            int in = at - start;
            int keyEnd = 41 + Math.max(key, 0);
            int valueEnd = keyEnd + 4 + Math.max(value, 0);
            return in < 4
                    ? "length field"
                    : in < 8
                            ? "crc field"
                            : in < 16
                                    ? "offset field"
                                    : in < 28
                                            ? "timestamp"
                                            : in < 29
                                                    ? "attributes"
                                                    : in < 37
                                                            ? "producer id"
                                                            : in < keyEnd ? "key" : in < valueEnd ? "value" : "headers";
        }
    }

    /**
     * Damages one segment of {@code partitionDir}: the last for a torn tail or trailing zeros, any for a flip or
     * a page of zeros (a damaged earlier segment ends the partition there: recovery deletes the later ones).
     */
    Injected apply(Path partitionDir, SplittableRandom r) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(partitionDir)) {
            segments = files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
        if (this == NONE || segments.isEmpty()) {
            return new Injected(NONE, "nothing damaged: every record is whole", Long.MAX_VALUE);
        }
        Path segment = this == FLIP || this == ZERO_PAGE
                ? segments.get(r.nextInt(segments.size()))
                : segments.get(segments.size() - 1);
        if (this == OLDER_SEGMENT_FRAME && segments.size() < 2) {
            return new Injected(
                    NONE, "nothing damaged: " + partitionDir.getFileName() + " holds one segment", Long.MAX_VALUE);
        }
        String name = partitionDir.getFileName() + "/" + segment.getFileName();
        List<Span> spans = spans(segment);
        byte[] before = Files.readAllBytes(segment);
        if (spans.isEmpty() && this != TRAILING_ZEROS) {
            return new Injected(NONE, "nothing damaged: " + name + " holds no record", Long.MAX_VALUE);
        }
        byte[] after;
        String description;
        switch (this) {
            case TORN_TAIL -> {
                Span last = spans.get(spans.size() - 1);
                int cut = last.start() + 1 + r.nextInt(last.end() - last.start() - 1);
                after = Arrays.copyOf(before, cut);
                description = name + " cut at byte " + cut + ", inside the frame of offset " + last.offset()
                        + " (bytes " + last.start() + "-" + (last.end() - 1) + "): " + (cut - last.start()) + " of its "
                        + (last.end() - last.start()) + " bytes are there";
            }
            case TRAILING_ZEROS -> {
                int zeros = 1 + r.nextInt(4096);
                after = Arrays.copyOf(before, before.length + zeros);
                description = zeros + " zero bytes after the last record of " + name + ", from byte " + before.length
                        + " (a file extended but never written)";
            }
            case FLIP -> {
                int at = r.nextInt(spans.get(spans.size() - 1).end()); // a byte of a record, not of a torn tail
                after = before.clone();
                after[at] = (byte) (before[at] ^ (1 + r.nextInt(255)));
                Span hit = spans.stream()
                        .filter(s -> s.start() <= at && at < s.end())
                        .findFirst()
                        .orElseThrow();
                description = String.format(
                        "one byte flipped (0x%02x to 0x%02x) at byte %d of %s: the %s of offset %d",
                        before[at] & 0xff, after[at] & 0xff, at, name, hit.field(at), hit.offset());
            }
            case ZERO_PAGE -> {
                int page = r.nextInt(before.length) / 4096 * 4096;
                int end = Math.min(before.length, page + 4096);
                after = before.clone();
                Arrays.fill(after, page, end, (byte) 0);
                description = "bytes " + page + "-" + (end - 1) + " of " + name + " zeroed (a 4 KiB page)";
            }
            case DUPLICATED_FRAME, STALE_FRAME, OLDER_SEGMENT_FRAME -> {
                Path from = this == OLDER_SEGMENT_FRAME ? segments.get(segments.size() - 2) : segment;
                List<Span> source = from.equals(segment) ? spans : spans(from);
                Span copied =
                        this == DUPLICATED_FRAME ? source.get(source.size() - 1) : source.get(r.nextInt(source.size()));
                byte[] frame = Arrays.copyOfRange(Files.readAllBytes(from), copied.start(), copied.end());
                int end = spans.get(spans.size() - 1).end();
                after = Arrays.copyOf(before, end + frame.length);
                System.arraycopy(frame, 0, after, end, frame.length);
                description = "a whole frame of offset " + copied.offset() + " (copied from " + from.getFileName()
                        + ", its CRC32C valid) written after the last record of " + name + ", at byte " + end
                        + ", where offset " + (spans.get(spans.size() - 1).offset() + 1) + " would be due";
            }
            default -> throw new IllegalStateException(name());
        }
        Files.write(segment, after);
        long touched = Long.MAX_VALUE;
        for (Span s : spans) {
            if (after.length < s.end() || !Arrays.equals(before, s.start(), s.end(), after, s.start(), s.end())) {
                touched = s.offset();
                break;
            }
        }
        return new Injected(this, description, touched);
    }

    /** The frames of a segment as written, read before the damage. */
    private static List<Span> spans(Path segment) throws IOException {
        List<Span> spans = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(segment)) {
            long position = 0;
            while (position < ch.size()) {
                RecordFrame.Frame f = RecordFrame.read(ch, position, ch.size(), 0);
                if (f.status() != RecordFrame.Status.OK) {
                    break;
                }
                var record = f.entry().record();
                spans.add(new Span(
                        f.offset(),
                        (int) position,
                        (int) position + f.size(),
                        utf8(record == null ? null : record.key()),
                        utf8(record == null ? null : record.value())));
                position += f.size();
            }
        }
        return spans;
    }

    private static int utf8(String s) {
        return s == null ? -1 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
