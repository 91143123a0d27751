package dev.queuelab.bench;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.reference.pubsub.exchange.RabbitBroker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * A topic exchange's routing as its bindings grow: 10 or 10,000 patterns with {@code *} and {@code #}, in one
 * thread.
 *
 * <pre>
 *   publish x100, keys like "eu.orders.created.v2" ──► topic exchange [ 10 | 10,000 bindings ] ──► queue
 *                                                      patterns like "eu.*.created.#", "#.v2", "us.users.*"
 *   then the queue's consumer reads the 100 and acks them with multiple
 * </pre>
 *
 * Measures publishes per second. Baseline: 10 bindings. Keys (3 to 5 words of 16) and patterns (the same, a
 * word turned into {@code *} one time in six and into {@code #} one time in ten) come from one seed
 * ({@link #SEED}), so every fork routes the same keys through the same bindings. Every binding goes to the
 * one queue, and one of them is {@code #}: each publish is enqueued exactly once with 10 bindings as with
 * 10,000, so the difference is the routing alone. RabbitMQ keeps a topic exchange's bindings as a trie of words
 * and walks the key down it, so the cost follows the key and the wildcards on its path rather than the number
 * of bindings: the goal is 10,000 bindings at 0.5x of 10 or better. A scan of every binding would be about
 * 1,000 times slower. Counters: {@code unrouted} (a batch the queue did not get whole) must stay 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class TopicRoutingBenchmark {

    static final int BATCH = 100;
    static final long SEED = 23;
    static final int KEYS = 1024;
    static final List<String> WORDS = List.of(
            "eu",
            "us",
            "ap",
            "orders",
            "users",
            "payments",
            "stock",
            "created",
            "updated",
            "deleted",
            "failed",
            "v1",
            "v2",
            "web",
            "mobile",
            "batch");

    @Param({"10", "10000"})
    public int bindings;

    private RabbitBroker broker;
    private String tag;
    private Message[] messages;
    private int next;

    /** Must stay 0. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        /** Batches the queue did not get whole, or did not ack whole. */
        public long unrouted;
    }

    @Setup(Level.Iteration)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        broker = new RabbitBroker(TickingClock.shared());
        broker.declareExchange(ExchangeSpec.of("events", ExchangeType.TOPIC));
        broker.declareQueue(QueueSpec.classic("matched"));
        broker.bind(BindingSpec.queue("events", "matched", "#"));
        for (int b = 1; b < bindings; b++) {
            broker.bind(BindingSpec.queue("events", "matched", words(random, true)));
        }
        messages = new Message[KEYS];
        for (int k = 0; k < KEYS; k++) {
            messages[k] = new Message(words(random, false), Map.of(), "payload", Optional.empty());
        }
        tag = broker.consume("consumer", "matched", 0);
    }

    /** A key of 3 to 5 words; as a pattern, with {@code *} one word in six and {@code #} one in ten. */
    static String words(SplittableRandom random, boolean pattern) {
        int n = 3 + random.nextInt(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int roll = random.nextInt(30);
            String w = !pattern || roll >= 8 ? WORDS.get(random.nextInt(WORDS.size())) : roll < 5 ? "*" : "#";
            out.append(i == 0 ? "" : ".").append(w);
        }
        return out.toString();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishThenRead(Counters counters) {
        for (int i = 0; i < BATCH; i++) {
            broker.publish("events", messages[next], false);
            next = (next + 1) & (KEYS - 1);
        }
        List<Delivery> got = broker.receive(tag);
        if (got.size() != BATCH
                || broker.ack("consumer", got.get(got.size() - 1).deliveryTag(), true) != BATCH) {
            counters.unrouted++;
        }
        return got.size();
    }
}
