package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Amazon Kinesis Data Streams: shards with a quota each, read by a KCL service (which retries and dead-letters in
 * its own code, and checkpoints a sequence number) or by Lambda (whose event source mapping retries and sends
 * failed batches to an on-failure destination); enhanced fan-out where readers would share a shard's reads.
 */
final class KinesisRules implements ProductRules {

    static final KinesisRules INSTANCE = new KinesisRules();
    private static final String CONSUMER_DEAD_LETTER = "a dead-letter stream (or an S3 prefix) the consumer writes";

    private KinesisRules() {}

    @Override
    public String home(Product p) {
        return "aws";
    }

    @Override
    public String attemptsName(Design d) {
        // MaximumRetryAttempts is an event source mapping's: a KCL consumer retries in its own code
        return d.s.lambda()
                ? "MaximumRetryAttempts (event source mapping: the retries after the first attempt)"
                : "retries in the consumer (the KCL record processor), then the dead-letter stream";
    }

    /**
     * A reader registered for enhanced fan-out is not counted by GetRecords' iterator age, and a Lambda consumer
     * reports its own.
     */
    @Override
    public String ageAlarm(Design d) {
        if (d.s.lambda()) {
            return "IteratorAge (the function's metric)";
        }
        return enhancedFanOut(d)
                ? "SubscribeToShardEvent.MillisBehindLatest"
                : d.s.product().vocabulary().ageAlarm();
    }

    /** A stream read by a service (KCL): the event source mapping's dead letter does not exist there. */
    @Override
    public String deadLetter(Design d) {
        return d.s.lambda() ? ProductRules.super.deadLetter(d) : CONSUMER_DEAD_LETTER;
    }

    @Override
    public String deadLetterAlarm(Design d) {
        return d.s.lambda()
                ? ProductRules.super.deadLetterAlarm(d)
                : "records written to the dead-letter stream above 0";
    }

    @Override
    public String deadLetterKept(Design d) {
        if (!d.s.lambda()) {
            return "written by the consumer after its last retry, then its checkpoint moves on; keep it"
                    + " longer than the time to notice and repair, and alarm on anything written to it";
        }
        d.facts.add("lambda.on-failure-destination");
        d.facts.add("sqs.retention");
        return "an S3 bucket, which receives the failed records (an SQS queue, kept "
                + Numbers.seconds(fact("sqs.retention", "max-seconds"))
                + " at most, or an SNS topic, which keeps nothing, receive only the batch's shard and sequence numbers:"
                + " re-read those from the stream before its retention ends)";
    }

    @Override
    public String longerRetention() {
        return "Amazon MSK, whose retention is bounded by its disks (tiered storage for the old"
                + " segments), or Amazon Data Firehose delivering the stream to S3 and replay from there";
    }

    @Override
    public String offsetVerb() {
        return "checkpoint";
    }

    @Override
    public String position() {
        return "sequence number";
    }

    @Override
    public String producerKey(Design d, String base) {
        return base + ", in the record's data (an envelope field): a Kinesis record has only its data, a partition"
                + " key (the ordering key) and an explicit hash key, no headers, and its sequence number"
                + " catches a redelivery but not a producer's retry";
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Setting> out = new ArrayList<>();
        if (d.readers() > 1) {
            Profile.Range r = new Profile.Range(1.0, fact("kinesis.enhanced-fan-out", "max-consumers"));
            facts.add("kinesis.enhanced-fan-out");
            double wanted = r.clamp(d.readers());
            if (enhancedFanOut(d)) {
                facts.add("guide.read-headroom");
                out.add(new Setting(
                        "enhanced fan-out (RegisterStreamConsumer)",
                        Numbers.plain(wanted)
                                + " registered consumers, one per subscriber, each with its own 2 MB/s per shard",
                        wanted,
                        r,
                        "",
                        "kinesis.enhanced-fan-out"));
            }
        }
        return out;
    }

    /** The event source mapping's extras mean nothing to a KCL consumer. */
    @Override
    public Setting extra(Design d, Failure failure, String extra) {
        return !d.s.lambda() && extra.contains("Lambda") ? null : ProductRules.super.extra(d, failure, extra);
    }

    @Override
    public List<Check> payloadChecks(Design d) {
        Situation s = d.s;
        Profile p = d.profile();
        List<Check> out = new ArrayList<>();
        if (s.payloadBytes() > p.maxPayloadBytes() && !s.payloadOverLimit()) {
            // a raised maximum record size serves records that are large now and then, not every record
            out.add(new Check(
                    "large-records",
                    Status.WARN,
                    "every record of " + Numbers.bytes(s.payloadBytes()) + " is above the "
                            + Numbers.bytes(p.maxPayloadBytes()) + " default: a stream's raised maximum is meant"
                            + " for occasional large records, and each shard still takes "
                            + Numbers.rate(p.laneBytesPerSecond()) + " in",
                    "claim check: store each body in S3 and put its key in the record, unless large records are"
                            + " rare"));
        }
        return out;
    }

    @Override
    public List<Check> checks(Design d, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Check> out = new ArrayList<>();
        if (d.readers() > 1) {
            facts.add("kinesis.enhanced-fan-out");
            double shared = fact("kinesis.enhanced-fan-out", "shared-read-bytes-per-second");
            double max = fact("kinesis.enhanced-fan-out", "max-consumers");
            // each reader may need twice the write rate to catch up after a lag (guide.read-headroom)
            double demand = sharedReadBytesPerShard(d) * fact("guide.read-headroom", "factor");
            String detail = d.readers() + " subscribers read each shard, each at twice the write rate to catch up: "
                    + Numbers.rate(demand) + " per shard against the "
                    + Numbers.rate(shared) + " its readers share"
                    + (demand > shared
                            ? "; enhanced fan-out gives each registered " + "consumer its own, for at most "
                                    + Numbers.plain(max) + " consumers per stream"
                            : "");
            detail += "; " + Capacity.percent(demand, shared) + " used";
            out.add(
                    demand <= shared || d.readers() <= max
                            ? Check.ok("shard-read-throughput", detail)
                            : new Check(
                                    "shard-read-throughput",
                                    Status.FAIL,
                                    detail,
                                    "at most " + Numbers.plain(max)
                                            + " enhanced fan-out consumers per stream: copy the stream for the other subscribers, or fan out "
                                            + "downstream (SNS with a queue per subscriber)"));
        }
        return out;
    }

    static boolean enhancedFanOut(Design d) {
        return d.readers() > 1
                && sharedReadBytesPerShard(d) * fact("guide.read-headroom", "factor")
                        > fact("kinesis.enhanced-fan-out", "shared-read-bytes-per-second");
    }

    /** What all readers together ask of one shard when they share its reads. */
    static double sharedReadBytesPerShard(Design d) {
        Sizing z = d.sizing();
        return z.partitions() == null ? 0 : z.bytesPerSecond() / z.partitions() * d.readers();
    }
}
