package dev.queuelab.bench;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.fanout.Value;
import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.reference.pubsub.broadcast.RedisBroadcast;
import dev.queuelab.reference.pubsub.exchange.RabbitBroker;
import dev.queuelab.reference.pubsub.fanout.SnsTopic;
import dev.queuelab.reference.pubsub.subscription.CloudPubSub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One publisher to N subscribers, in one thread: publish a batch of 100, then every subscriber reads the batch.
 *
 * <pre>
 *                      ┌──► subscriber 1: read 100 (and ack them, where the shape has acks)
 *   publish x100 ──► [ shape ] ──► subscriber 2 ...            up to subscriber 8
 *   ArrayBlockingQueue: put x100 ──► [queue] ──► take x100     (one consumer: the baseline)
 * </pre>
 *
 * Measures messages delivered, all subscribers together, per second (the {@code delivered} counter): a fanout
 * to 2 subscribers delivers 2 messages per publish. Baseline: {@code ArrayBlockingQueue} put/take. Shapes, each
 * with 1, 2 or 8 subscribers ({@code Redis-8}...): {@code Redis}, a channel of {@link RedisBroadcast} (each
 * subscriber reads its output buffer); {@code RabbitFanout}, a fanout exchange of {@link RabbitBroker} bound to
 * a queue per subscriber, each consumed with no prefetch limit and acked with {@code multiple}; {@code SnsSqs},
 * an {@link SnsTopic} whose subscriptions are work queues (SNS's default JSON envelope), each received 10 at a
 * time and acked; {@code PubSub}, a topic of {@link CloudPubSub} with a subscription per subscriber (Pub/Sub's
 * defaults: 10 s ack deadline, no ordering), each pulled 100 at a time and every message acked by its ack id.
 * Every subscriber reads each message's body, as the baseline's {@code take} hands it over. A publish to N
 * subscribers costs the publish and N subscribers' reads: Redis's end-to-end goal asks 8 to deliver at least 4x
 * what 1 does; the goal on the publish's own cost is judged on {@link FanoutPublishBenchmark}. Counters:
 * {@code lost} (a subscriber that got fewer messages than were published) must stay 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class FanoutBenchmark {

    static final int BATCH = 100;
    static final String PAYLOAD = "user 42 signed up";

    @Param({
        "ArrayBlockingQueue",
        "Redis-1",
        "Redis-2",
        "Redis-8",
        "RabbitFanout-1",
        "RabbitFanout-2",
        "RabbitFanout-8",
        "SnsSqs-1",
        "SnsSqs-2",
        "SnsSqs-8",
        "PubSub-1",
        "PubSub-2",
        "PubSub-8"
    })
    public String shape;

    private ArrayBlockingQueue<String> queue;
    private RedisBroadcast redis;
    private RabbitBroker rabbit;
    private SnsTopic sns;
    private CloudPubSub pubsub;
    private final PubSubMessage pubsubMessage = PubSubMessage.of(PAYLOAD);
    private String[] subscribers;
    private String[] tags;
    private WorkQueue[] queues;
    private final Message rabbitMessage = new Message("", Map.of(), PAYLOAD, Optional.empty());
    private final Map<String, Value> body = Map.of("text", Value.string(PAYLOAD));
    private final List<Receipt> receipts = new ArrayList<>(10);
    private long next;

    /**
     * The score: messages read by a subscriber, all subscribers together, per second. A rate ({@code
     * OPERATIONS}), so that JMH divides it by the measured time: a count ({@code EVENTS}) is summed over the
     * iterations and forks, and per second only when they last one second in all.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Deliveries {
        public long delivered;
    }

    /** {@code lost} must stay 0: a count of the batches a subscriber read short (or acks refused). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        /** Batches a subscriber read short (or acks refused): a fanout that drops is not a fast one. */
        public long lost;
    }

    @Setup(Level.Iteration)
    public void setUp() {
        queue = null;
        redis = null;
        rabbit = null;
        sns = null;
        pubsub = null;
        if (shape.equals("ArrayBlockingQueue")) {
            queue = new ArrayBlockingQueue<>(1024);
            return;
        }
        int n = Integer.parseInt(shape.substring(shape.indexOf('-') + 1));
        subscribers = new String[n];
        tags = new String[n];
        queues = new WorkQueue[n];
        for (int i = 0; i < n; i++) {
            subscribers[i] = "subscriber-" + i;
        }
        switch (shape.substring(0, shape.indexOf('-'))) {
            case "Redis" -> redis = redisChannel(subscribers);
            case "RabbitFanout" -> rabbit = rabbitFanout(subscribers, tags);
            case "SnsSqs" -> {
                sns = new SnsTopic(TopicConfig.standard("signups"), TickingClock.shared());
                for (int i = 0; i < n; i++) {
                    SubscriptionConfig standard = SubscriptionConfig.standard();
                    sns.subscribe(
                            subscribers[i],
                            new SubscriptionConfig(
                                    standard.filter(),
                                    standard.raw(),
                                    standard.deadLetterQueue(),
                                    standard.queue().withMaxReceives(Cycles.MAX_RECEIVES)));
                    queues[i] = sns.queue(subscribers[i]);
                }
            }
            case "PubSub" -> {
                pubsub = new CloudPubSub(TickingClock.shared());
                pubsub.createTopic("signups");
                for (String s : subscribers) {
                    pubsub.createSubscription(s, dev.queuelab.api.pubsub.subscription.SubscriptionConfig.of("signups"));
                }
            }
            default -> throw new IllegalArgumentException("shape " + shape);
        }
    }

    /** A Redis channel, "signups", with every subscriber connected and subscribed to it. */
    static RedisBroadcast redisChannel(String[] subscribers) {
        RedisBroadcast redis = new RedisBroadcast(BroadcastConfig.redisDefault(), TickingClock.shared());
        for (String s : subscribers) {
            redis.connect(s);
            redis.subscribe(s, "signups");
        }
        return redis;
    }

    /**
     * A fanout exchange, "signups", bound to a queue per subscriber (named after it), each consumed on the
     * subscriber's channel with no prefetch limit; {@code tags} gets each consumer's tag.
     */
    static RabbitBroker rabbitFanout(String[] subscribers, String[] tags) {
        RabbitBroker rabbit = new RabbitBroker(TickingClock.shared());
        rabbit.declareExchange(ExchangeSpec.of("signups", ExchangeType.FANOUT));
        for (int i = 0; i < subscribers.length; i++) {
            rabbit.declareQueue(QueueSpec.classic(subscribers[i]));
            rabbit.bind(BindingSpec.queue("signups", subscribers[i], ""));
            tags[i] = rabbit.consume(subscribers[i], subscribers[i], 0);
        }
        return rabbit;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishThenEveryoneReads(Deliveries deliveries, Counters counters) throws InterruptedException {
        if (queue != null) {
            for (int i = 0; i < BATCH; i++) {
                queue.put(PAYLOAD);
            }
            long got = 0;
            for (int i = 0; i < BATCH; i++) {
                got += queue.take().length();
            }
            deliveries.delivered += BATCH;
            return got;
        }
        if (redis != null) {
            return redis(deliveries, counters);
        }
        if (pubsub != null) {
            return pubsub(deliveries, counters);
        }
        return rabbit != null ? rabbit(deliveries, counters) : sns(deliveries, counters);
    }

    private long pubsub(Deliveries deliveries, Counters counters) {
        for (int i = 0; i < BATCH; i++) {
            pubsub.publish("signups", pubsubMessage);
        }
        long got = 0;
        for (String s : subscribers) {
            List<ReceivedMessage> read = pubsub.pull(s, BATCH);
            for (int i = 0; i < read.size(); i++) {
                ReceivedMessage m = read.get(i);
                got += m.message().data().length();
                counters.lost += pubsub.acknowledge(s, m.ackId()) ? 0 : 1;
            }
            deliveries.delivered += read.size();
            counters.lost += read.size() == BATCH ? 0 : 1;
        }
        return got;
    }

    private long redis(Deliveries deliveries, Counters counters) {
        for (int i = 0; i < BATCH; i++) {
            redis.publish("signups", PAYLOAD);
        }
        long got = 0;
        for (String s : subscribers) {
            List<Pushed> read = redis.read(s, BATCH).messages();
            for (int i = 0; i < read.size(); i++) {
                got += read.get(i).payload().length();
            }
            deliveries.delivered += read.size();
            counters.lost += read.size() == BATCH ? 0 : 1;
        }
        return got;
    }

    private long rabbit(Deliveries deliveries, Counters counters) {
        for (int i = 0; i < BATCH; i++) {
            if (!rabbit.publish("signups", rabbitMessage, false).acked()) {
                counters.lost++;
            }
        }
        long got = 0;
        for (int i = 0; i < tags.length; i++) {
            List<Delivery> read = rabbit.receive(tags[i]);
            long last = 0;
            for (int j = 0; j < read.size(); j++) {
                Delivery d = read.get(j);
                got += d.body().length();
                last = d.deliveryTag();
            }
            deliveries.delivered += read.size();
            if (read.size() != BATCH || rabbit.ack(subscribers[i], last, true) != BATCH) {
                counters.lost++;
            }
        }
        return got;
    }

    private long sns(Deliveries deliveries, Counters counters) {
        for (int i = 0; i < BATCH; i++) {
            sns.publish(new Publication(Long.toString(next++), Map.of(), body, null, null));
        }
        long got = 0;
        for (WorkQueue q : queues) {
            int read = 0;
            while (read < BATCH) {
                List<dev.queuelab.api.workqueue.Delivery> ten = q.receive("consumer", 10, Cycles.VISIBILITY);
                if (ten.isEmpty()) {
                    break;
                }
                receipts.clear();
                for (int i = 0; i < ten.size(); i++) {
                    dev.queuelab.api.workqueue.Delivery d = ten.get(i);
                    got += d.message().payload().length();
                    receipts.add(d.receipt());
                }
                read += ten.size();
                for (ReceiptOutcome o : q.ackBatch(receipts)) {
                    counters.lost += o == ReceiptOutcome.ACCEPTED ? 0 : 1;
                }
            }
            deliveries.delivered += read;
            counters.lost += read == BATCH ? 0 : 1;
        }
        return got;
    }
}
