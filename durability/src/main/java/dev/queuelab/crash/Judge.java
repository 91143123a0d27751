package dev.queuelab.crash;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.PartitionedLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiPredicate;

/**
 * Reads a recovered log from end to end and judges it against what was written and what was promised, knowing
 * both from outside: the records are a function of the trial's seed, the promises are the acknowledgements and
 * commits the client saw complete. Nothing is asked of the log but what it serves.
 *
 * Rules ({@link CrashRule}): R1 every promised offset is there (after kill -9, every acknowledged append; after a
 * power cut, those the policy promised would survive one, and under every policy those below a commit), including
 * offsets below the log start unless retention had already moved the start past them before the crash; R2 every
 * record served equals the one written there, every field, the timestamp too when it is known; R3 offsets are
 * dense from the log start to the high watermark, a read that throws counted as a hole; R4 a committed offset is
 * never past the high watermark; R5 a commit that returned survives. Damage done on purpose exempts the offsets
 * from its first byte on from R1, R4 and R5.
 */
final class Judge {

    /** One rule broken, with what broke it. */
    record Breach(CrashRule rule, String evidence) {}

    /** What one judgement found: each rule's breaches counted, with the first evidence. */
    record Verdict(long records, Map<CrashRule, Long> counts, List<Breach> evidence) {
        boolean clean() {
            return counts.isEmpty();
        }

        long count(CrashRule rule) {
            return counts.getOrDefault(rule, 0L);
        }

        /** The first breach, which explains the others. */
        Breach first() {
            return evidence.get(0);
        }
    }

    /** What {@link Written#at} gives for an offset that holds a transaction marker, which no read serves. */
    static final ConsumerRecord MARKER = new ConsumerRecord(-1, -1, null, "marker", null, Map.of());

    /** What was written at an offset, as the judge knows it from outside. */
    @FunctionalInterface
    interface Written {
        /** The record written at (partition, offset), its timestamp null when unknown; null if none was sent. */
        ConsumerRecord at(int partition, long offset);
    }

    /**
     * What the client was promised.
     *
     * @param promised   per partition, the offsets that must survive (R1)
     * @param exemptFrom per partition, the first offset damage done on purpose may have taken (MAX_VALUE: none)
     * @param startSeen  per partition, the furthest log start served before the crash (retention's reach)
     * @param committed  per partition, the last offset whose commit returned (R5), or absent
     * @param expired    the promised offsets retention was entitled to delete by the crash: their record's
     *                   timestamp is older than the retention time
     */
    record Promises(
            Map<Integer, ? extends Collection<Long>> promised,
            long[] exemptFrom,
            long[] startSeen,
            Map<Integer, Long> committed,
            String group,
            BiPredicate<Integer, Long> expired) {}

    private Judge() {}

    static Verdict judge(PartitionedLog log, Written written, Promises promises) {
        Map<CrashRule, Long> counts = new EnumMap<>(CrashRule.class);
        List<Breach> evidence = new ArrayList<>();
        long records = 0;
        for (int p = 0; p < log.config().partitions(); p++) {
            long start = log.logStartOffset(p);
            long hw = log.highWatermark(p);
            long next = start;
            while (next < hw) {
                FetchResult fetch;
                try {
                    fetch = log.read(p, next, 500);
                } catch (RuntimeException e) { // R3: a hole is counted, not thrown
                    note(
                            counts,
                            evidence,
                            CrashRule.NOT_DENSE,
                            "partition " + p + " threw reading offset " + next + " below its high watermark " + hw
                                    + ": " + e.getClass().getSimpleName());
                    break;
                }
                for (ConsumerRecord r : fetch.records()) {
                    next = pastMarkers(written, p, next, r.offset());
                    if (r.offset() != next) {
                        note(
                                counts,
                                evidence,
                                CrashRule.NOT_DENSE,
                                "partition " + p + " served offset " + r.offset() + " where " + next + " was due");
                    }
                    String differs = difference(written.at(p, r.offset()), r);
                    if (differs != null) {
                        note(
                                counts,
                                evidence,
                                CrashRule.CORRUPT,
                                "partition " + p + " offset " + r.offset() + " served " + differs);
                    }
                    next = r.offset() + 1;
                    records++;
                }
                next = fetch.records().isEmpty() ? pastMarkers(written, p, next, hw) : next;
                if (fetch.records().isEmpty() && next < hw) {
                    note(
                            counts,
                            evidence,
                            CrashRule.NOT_DENSE,
                            "partition " + p + " served nothing at " + next + " below its high watermark " + hw);
                    break;
                }
            }
            long exempt = promises.exemptFrom()[p];
            long seen = promises.startSeen()[p];
            Collection<Long> promisedHere = promises.promised().get(p);
            for (long o : promisedHere == null ? List.<Long>of() : promisedHere) {
                boolean gone =
                        o >= hw || o < start && o >= seen && !promises.expired().test(p, o);
                if (gone && o < exempt) {
                    note(
                            counts,
                            evidence,
                            CrashRule.LOST,
                            "partition " + p + " offset " + o + " was promised to"
                                    + " survive; the log holds offsets " + start + " to " + (hw - 1)
                                    + (start > seen
                                            ? ", though it never started past " + seen + " before the crash"
                                            : ""));
                }
            }
            OptionalLong c = log.committed(promises.group(), p);
            if (c.isPresent() && c.getAsLong() > hw && c.getAsLong() <= exempt) { // damage below it explains it
                note(
                        counts,
                        evidence,
                        CrashRule.COMMIT_AHEAD,
                        "partition " + p + " has committed offset " + c.getAsLong() + " past its high watermark " + hw);
            }
            Long returned = promises.committed().get(p);
            if (returned != null && returned <= exempt && (c.isEmpty() || c.getAsLong() < returned)) {
                note(
                        counts,
                        evidence,
                        CrashRule.COMMIT_LOST,
                        "partition " + p + " committed offset " + returned
                                + " and the commit returned; after the crash the group's offset is "
                                + (c.isEmpty() ? "gone" : String.valueOf(c.getAsLong())));
            }
        }
        return new Verdict(records, counts, evidence);
    }

    /** The first offset from {@code next} on, short of {@code until}, that is not a transaction marker. */
    private static long pastMarkers(Written written, int p, long next, long until) {
        while (next < until && written.at(p, next) == MARKER) {
            next++;
        }
        return next;
    }

    /** Which field of {@code served} differs from {@code written}, in words, or null if none does (R2). */
    static String difference(ConsumerRecord written, ConsumerRecord served) {
        if (written == null) {
            return "a record no one sent there: " + served.key();
        }
        String[][] fields = {
            {"key", served.key(), written.key()},
            {"value", served.value(), written.value()},
            {"headers", String.valueOf(served.headers()), String.valueOf(written.headers())},
            {"timestamp", String.valueOf(served.timestamp()), String.valueOf(written.timestamp())}
        };
        for (String[] f : fields) {
            boolean unknown = f[0].equals("timestamp") && written.timestamp() == null;
            if (!unknown && !Objects.equals(f[1], f[2])) {
                return f[0] + " " + f[1] + " where " + f[2] + " was written";
            }
        }
        return null;
    }

    private static void note(Map<CrashRule, Long> counts, List<Breach> evidence, CrashRule rule, String line) {
        counts.merge(rule, 1L, Long::sum);
        if (evidence.size() < 5) {
            evidence.add(new Breach(rule, rule.id() + ": " + line));
        }
    }
}
