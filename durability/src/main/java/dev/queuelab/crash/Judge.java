package dev.queuelab.crash;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.reference.log.DurableKafkaLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a recovered log from end to end and judges it against what was written and what was promised.
 *
 * Rules: R1 every acknowledged append whose promise covers the crash is there, byte for byte (after kill -9:
 * page cache and forced; after a power loss: forced only); R2 no record served differs from the one written at
 * its offset (none corrupt); R3 offsets are dense and increasing from the log start to the high watermark;
 * R4 a committed offset is never ahead of the log's high watermark, unless a deliberate corruption took the
 * records below it (Kafka's consumer then resets by auto.offset.reset). Damage done on purpose exempts the
 * offsets from its first byte on from R1.
 */
final class Judge {

    /** What one judgement found: counts of each rule broken, with the first evidence. */
    record Verdict(
            long records, long ackedLost, long corruptServed, long notDense, long commitsAhead, List<String> evidence) {
        boolean clean() {
            return ackedLost + corruptServed + notDense + commitsAhead == 0;
        }
    }

    private Judge() {}

    /**
     * @param acked     per partition, the offsets acknowledged as durable that must be there (R1)
     * @param exemptFrom per partition, the first offset a deliberate corruption may have taken (Long.MAX_VALUE: none)
     */
    static Verdict judge(
            DurableKafkaLog log, long seed, Map<Integer, List<Long>> acked, long[] exemptFrom, String group) {
        long records = 0;
        long lost = 0;
        long corrupt = 0;
        long notDense = 0;
        long ahead = 0;
        List<String> evidence = new ArrayList<>();
        for (int p = 0; p < log.config().partitions(); p++) {
            long hw = log.highWatermark(p);
            long next = log.logStartOffset(p);
            while (next < hw) {
                FetchResult fetch = log.read(p, next, 500);
                for (ConsumerRecord r : fetch.records()) {
                    if (r.offset() != next) {
                        notDense++; // R3
                        note(
                                evidence,
                                "R3: partition " + p + " served offset " + r.offset() + " where " + next + " was due");
                    }
                    if (!TrialRecords.matches(seed, r)) {
                        corrupt++; // R2
                        note(
                                evidence,
                                "R2: partition " + p + " offset " + r.offset() + " served " + r.value()
                                        + ", not the record written there");
                    }
                    next = r.offset() + 1;
                    records++;
                }
                if (fetch.records().isEmpty()) {
                    notDense++;
                    note(
                            evidence,
                            "R3: partition " + p + " served nothing at " + next + " below its high watermark " + hw);
                    break;
                }
            }
            for (long o : acked.getOrDefault(p, List.of())) {
                if (o >= hw && o < exemptFrom[p]) {
                    lost++; // R1
                    note(
                            evidence,
                            "R1: partition " + p + " offset " + o + " was acknowledged as durable; the log ends at "
                                    + hw);
                }
            }
            OptionalLong c = log.committed(group, p);
            if (c.isPresent() && c.getAsLong() > hw && c.getAsLong() <= exemptFrom[p]) { // damage below it explains it
                ahead++; // R4
                note(
                        evidence,
                        "R4: partition " + p + " has committed offset " + c.getAsLong() + " past its high watermark "
                                + hw);
            }
        }
        return new Verdict(records, lost, corrupt, notDense, ahead, evidence);
    }

    private static void note(List<String> evidence, String line) {
        if (evidence.size() < 5) {
            evidence.add(line);
        }
    }
}
