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
 * thread, each key matching as many bindings with 10,000 as with 10.
 *
 * <pre>
 *   publish x100, keys like "eu.orders.created.tenant-0042" ──► topic exchange [ 10 | 10,000 bindings ] ──► queue
 *                       patterns like "#.tenant-0042", "eu.*.deleted.tenant-0042", "*.stock.#.tenant-0042"
 *   then the queue's consumer reads the 100 and acks them with multiple
 * </pre>
 *
 * Measures publishes per second. Baseline: 10 bindings. {@code 10} and {@code 10000} (the goal's pair): tenants
 * that bind the same 10 patterns each, all ending in their own tenant word ({@link #SHAPES}), 1 tenant for 10
 * bindings and 1,000 for 10,000; a key is a region, an entity, an event and a bound tenant, drawn from one seed
 * ({@link #SEED}). A key matches only its own tenant's patterns, so it matches the same number of bindings (2 to
 * 5, 3.5 on average, counted by a plain matcher over every binding) with 10 as with 10,000, and the walk visits
 * the same trie nodes: what the 9,990 other bindings add is a larger table of words at the tenant's level. That is
 * the question the goal asks: RabbitMQ keeps a topic exchange's bindings as a trie of words, so for a fixed number
 * of matches the cost follows the key and the wildcards on its path rather than the number of bindings, where a
 * scan would test 10,000 patterns per key instead of 10. The goal is 10,000 bindings at 0.5x of 10 or better.
 *
 * <p>{@code 10-dense} and {@code 10000-dense}, context without a goal: patterns of 3 to 5 words of 16 (a word
 * turned into {@code *} one time in six and into {@code #} one time in ten) and keys of the same 16 words. With so
 * few words, 10,000 such patterns cover almost every path: a key matches 100 to 150 of them (125 on average)
 * against 1 with 10. That measures matching 100 times more bindings, not the binding count. In every variant all
 * bindings go to one queue (one of them matches every key), so each publish is enqueued exactly once and the
 * difference is the routing alone. Counters: {@code unrouted} (a batch the queue did not get whole) must stay 0.
 *
 * <p>Its forks run with {@code -Xbatch} (no background compilation: the thread waits for each method the JIT
 * compiles). Without it, on two cores shared with other work, some short forks stayed in slower code: of 20
 * one-fork pairs in the goals' shape (2026-12-05), 3 forks with 10,000 bindings ran at 0.26 M - 0.65 M publishes
 * per CPU-second where the other 17 ran at 2.05 M - 3.63 M, and 3 with 10 at 0.71 M - 1.0 M against 2.96 M -
 * 4.88 M, so the pairs' ratios spread over 0.16x - 2.61x. With {@code -Xbatch} no fork of 20 did (10,000: 2.21 M -
 * 3.58 M; 10: 3.15 M - 5.09 M) and the ratios stayed within 0.49x - 0.83x, the median the same (0.69x against
 * 0.71x). A slow fork is a fork whose compiled code came too late: the compiler threads, starved, had not
 * installed the routing walk's optimised code by the end of the warm-up. Waiting for it costs the warm-up a
 * little and leaves the measured iterations as they were; the other goals' forks keep background compilation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Xbatch"})
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
    /** Every tenant's 10 bindings; {@code T} is its tenant word. */
    static final List<String> SHAPES = List.of(
            "#.T",
            "*.*.*.T",
            "eu.#.T",
            "*.orders.*.T",
            "us.users.*.T",
            "*.*.created.T",
            "#.failed.T",
            "ap.payments.updated.T",
            "*.stock.#.T",
            "eu.*.deleted.T");

    @Param({"10", "10000", "10-dense", "10000-dense"})
    public String bindings;

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

    /** Once per fork: the bindings are the fixture, and building 10,000 of them is not what an iteration measures. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        broker = new RabbitBroker(TickingClock.shared());
        broker.declareExchange(ExchangeSpec.of("events", ExchangeType.TOPIC));
        broker.declareQueue(QueueSpec.classic("matched"));
        boolean dense = bindings.endsWith("-dense");
        int n = Integer.parseInt(dense ? bindings.substring(0, bindings.indexOf('-')) : bindings);
        messages = new Message[KEYS];
        if (dense) {
            broker.bind(BindingSpec.queue("events", "matched", "#"));
            for (int b = 1; b < n; b++) {
                broker.bind(BindingSpec.queue("events", "matched", words(random, true)));
            }
            for (int k = 0; k < KEYS; k++) {
                messages[k] = new Message(words(random, false), Map.of(), "payload", Optional.empty());
            }
        } else {
            int tenants = n / SHAPES.size();
            for (int t = 0; t < tenants; t++) {
                for (String shape : SHAPES) {
                    broker.bind(BindingSpec.queue("events", "matched", shape.replace("T", tenant(t))));
                }
            }
            for (int k = 0; k < KEYS; k++) {
                String key = WORDS.get(random.nextInt(3)) + "." + WORDS.get(3 + random.nextInt(4)) + "."
                        + WORDS.get(7 + random.nextInt(4)) + "." + tenant(random.nextInt(tenants));
                messages[k] = new Message(key, Map.of(), "payload", Optional.empty());
            }
        }
        tag = broker.consume("consumer", "matched", 0);
    }

    static String tenant(int t) {
        return String.format("tenant-%04d", t);
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
