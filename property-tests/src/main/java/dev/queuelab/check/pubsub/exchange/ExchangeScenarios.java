package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.check.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The scenarios of {@link ExchangeProperty}, one generator per property, every draw from the seed's random
 * source. Each aims at its rare situations with a template (a receive followed by a failure, a reject then a
 * tick of the retry queue's TTL, keys drawn near the bindings' own patterns) rather than by chance.
 */
final class ExchangeScenarios {

    private ExchangeScenarios() {}

    private static final List<String> WORDS = List.of("a", "a", "b", "b", "c", "");

    private static String word(SplittableRandom r) {
        return WORDS.get(r.nextInt(WORDS.size()));
    }

    static String key(SplittableRandom r) {
        int n = r.nextInt(4);
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(word(r));
        }
        return n == 0 ? "" : String.join(".", w);
    }

    static String pattern(SplittableRandom r) {
        int n = 1 + r.nextInt(3);
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(8);
            w.add(k < 2 ? "#" : k < 4 ? "*" : word(r));
        }
        return String.join(".", w);
    }

    private static Map<String, String> headers(SplittableRandom r) {
        Map<String, String> h = new HashMap<>();
        for (String k : List.of("h1", "h2", "x-h")) {
            if (r.nextInt(3) > 0) {
                h.put(k, r.nextBoolean() ? "v" : "w");
            }
        }
        return h;
    }

    private static Map<String, String> arguments(SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            // no x-match: RabbitMQ's default is all, which parts from any only with two arguments or more
            return new HashMap<>(Map.of("h1", "v", "h2", "v"));
        }
        Map<String, String> a = headers(r);
        if (a.isEmpty()) {
            a.put("h1", "v");
        }
        a.put("x-match", List.of("all", "any", "all-with-x", "any-with-x").get(r.nextInt(4)));
        return a;
    }

    static Scenario<ExchangeSetup, ExchangeStep> routing(SplittableRandom r) {
        int t = r.nextInt(10);
        ExchangeType type = t < 5
                ? ExchangeType.TOPIC
                : t < 7 ? ExchangeType.HEADERS : t < 9 ? ExchangeType.DIRECT : ExchangeType.FANOUT;
        boolean alternate = r.nextInt(3) == 0;
        boolean e2e = r.nextInt(3) == 0;
        List<ExchangeSpec> xs = new ArrayList<>();
        xs.add(new ExchangeSpec("x", type, alternate ? Optional.of("alt") : Optional.empty()));
        List<QueueSpec> qs = new ArrayList<>(List.of(QueueSpec.classic("q1"), QueueSpec.classic("q2")));
        List<BindingSpec> bs = new ArrayList<>();
        List<ExchangeSetup.Consumer> cs = new ArrayList<>(List.of(
                new ExchangeSetup.Consumer("A", "ch1", "q1", 0), new ExchangeSetup.Consumer("B", "ch2", "q2", 0)));
        int bindings = 1 + r.nextInt(3);
        for (int i = 0; i < bindings; i++) {
            String q = i % 2 == 0 ? "q1" : "q2";
            bs.add(new BindingSpec(
                    "x",
                    q,
                    false,
                    type == ExchangeType.TOPIC ? pattern(r) : key(r),
                    type == ExchangeType.HEADERS ? arguments(r) : Map.of()));
        }
        if (alternate) {
            xs.add(ExchangeSpec.of("alt", ExchangeType.FANOUT));
            qs.add(QueueSpec.classic("qa"));
            bs.add(BindingSpec.queue("alt", "qa", ""));
            cs.add(new ExchangeSetup.Consumer("C", "ch3", "qa", 0));
        }
        if (e2e) {
            xs.add(ExchangeSpec.of("y", ExchangeType.TOPIC));
            qs.add(QueueSpec.classic("q3"));
            bs.add(new BindingSpec(
                    "x",
                    "y",
                    true,
                    type == ExchangeType.TOPIC ? pattern(r) : key(r),
                    type == ExchangeType.HEADERS ? arguments(r) : Map.of()));
            bs.add(BindingSpec.queue("y", "q3", pattern(r)));
            cs.add(new ExchangeSetup.Consumer("D", "ch4", "q3", 0));
        }
        List<ExchangeStep> steps = new ArrayList<>();
        int n = 2 + r.nextInt(9);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            if (k < 6) {
                // keys drawn near the bindings' own patterns, so that '#' and '*' decide
                String key = type == ExchangeType.TOPIC && r.nextBoolean()
                        ? near(bs.get(0).routingKey(), r)
                        : key(r);
                steps.add(new ExchangeStep.Publish(key, headers(r), r.nextBoolean(), 0));
            } else {
                steps.add(new ExchangeStep.Receive(cs.get(r.nextInt(cs.size())).name()));
            }
        }
        return new Scenario<>(new ExchangeSetup(xs, qs, bs, cs), steps);
    }

    /** A key made from a pattern: '#' replaced by zero to two words, '*' by one. */
    static String near(String pattern, SplittableRandom r) {
        List<String> out = new ArrayList<>();
        for (String w : TopicMatcher.words(pattern)) {
            if (w.equals("#")) {
                for (int i = r.nextInt(3); i > 0; i--) {
                    out.add(word(r));
                }
            } else {
                out.add(w.equals("*") ? word(r) : w);
            }
        }
        return String.join(".", out);
    }

    static Scenario<ExchangeSetup, ExchangeStep> consumers(SplittableRandom r) {
        QueueSpec q1 = QueueSpec.classic("q1");
        if (r.nextInt(4) == 0) {
            q1 = q1.withSingleActiveConsumer();
        }
        boolean shared = r.nextBoolean();
        List<ExchangeSetup.Consumer> cs = List.of(
                new ExchangeSetup.Consumer("A", "ch1", "q1", 1 + r.nextInt(3)),
                new ExchangeSetup.Consumer("B", shared ? "ch1" : "ch2", "q1", 1 + r.nextInt(2)),
                new ExchangeSetup.Consumer("C", "ch3", "q2", r.nextInt(3)));
        ExchangeSetup setup = new ExchangeSetup(
                List.of(ExchangeSpec.of("x", ExchangeType.DIRECT)),
                List.of(q1, QueueSpec.classic("q2")),
                List.of(BindingSpec.queue("x", "q1", "k"), BindingSpec.queue("x", "q2", "k")),
                cs);
        List<ExchangeStep> steps = new ArrayList<>();
        int n = 3 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(20);
            String who = cs.get(r.nextInt(cs.size())).name();
            if (k < 7) {
                steps.add(new ExchangeStep.Publish("k", Map.of(), false, 0));
            } else if (k < 10) {
                steps.add(new ExchangeStep.Receive(who));
            } else if (k < 13) {
                // a consumer fails one delivery: it reads, then hands its oldest back
                steps.add(new ExchangeStep.Receive(who));
                steps.add(new ExchangeStep.Settle(
                        who, 0, r.nextBoolean() ? ExchangeStep.Kind.NACK : ExchangeStep.Kind.REJECT, false, true));
            } else if (k < 19) {
                int kind = r.nextInt(4);
                steps.add(new ExchangeStep.Settle(
                        who,
                        r.nextInt(2),
                        kind < 2 ? ExchangeStep.Kind.ACK : kind < 3 ? ExchangeStep.Kind.NACK : ExchangeStep.Kind.REJECT,
                        r.nextInt(3) == 0,
                        r.nextInt(4) > 0));
            } else {
                steps.add(new ExchangeStep.Close(who));
            }
        }
        return new Scenario<>(setup, steps);
    }

    static Scenario<ExchangeSetup, ExchangeStep> deadLetters(SplittableRandom r, boolean quorum) {
        boolean retry = r.nextInt(3) == 0;
        QueueSpec q1 = QueueSpec.classic("q1").withDeadLetters(retry ? "retry" : "dlx", Optional.empty());
        int option = r.nextInt(5);
        if (option == 0) {
            q1 = q1.withMessageTtl(Duration.ofSeconds(5 + 5 * r.nextInt(2)));
        } else if (option == 1) {
            q1 = q1.withMaxLength(1 + r.nextInt(2), Overflow.values()[r.nextInt(3)]);
        } else if (option == 2) {
            q1 = q1.withMaxLengthBytes(2 + r.nextInt(5), Overflow.values()[r.nextInt(3)]);
        } else if (option == 3 && quorum) {
            q1 = q1.withQuorum(r.nextInt(3));
        }
        List<ExchangeSpec> xs = new ArrayList<>(
                List.of(ExchangeSpec.of("x", ExchangeType.DIRECT), ExchangeSpec.of("dlx", ExchangeType.FANOUT)));
        // a third of the time, when q1 has a length limit, audit never expires: then, without a retry queue's TTL,
        // nothing in the trial can expire until a message with an expiration comes, and q1's limits are met on
        // the broker's untimed path
        boolean untimed = (option == 1 || option == 2) && r.nextInt(3) == 0;
        QueueSpec audit = untimed
                ? QueueSpec.classic("audit")
                : QueueSpec.classic("audit").withExpires(Duration.ofSeconds(10));
        List<QueueSpec> qs = new ArrayList<>(List.of(q1, QueueSpec.classic("dlq"), audit));
        List<BindingSpec> bs = new ArrayList<>(List.of(
                BindingSpec.queue("x", "q1", "k"),
                BindingSpec.queue("dlx", "dlq", ""),
                BindingSpec.queue("x", "audit", "k")));
        if (retry) {
            xs.add(ExchangeSpec.of("retry", ExchangeType.FANOUT));
            qs.add(QueueSpec.classic("wait")
                    .withMessageTtl(Duration.ofSeconds(5))
                    .withDeadLetters("x", Optional.of("again")));
            bs.add(BindingSpec.queue("retry", "wait", ""));
            // the retry comes back by its dead-letter routing key, which only q1 is bound to
            bs.add(BindingSpec.queue("x", "q1", "again"));
        }
        List<ExchangeSetup.Consumer> cs = new ArrayList<>(List.of(
                new ExchangeSetup.Consumer("A", "ch1", "q1", 2), new ExchangeSetup.Consumer("D", "ch2", "dlq", 0)));
        // a third of the time audit has a consumer that leaves at the end: x-expires counts from its leaving
        boolean leaves = !untimed && r.nextInt(3) == 0;
        if (leaves) {
            cs.add(new ExchangeSetup.Consumer("E", "ch5", "audit", 0));
        }
        List<ExchangeStep> steps = new ArrayList<>();
        int n = 3 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(20);
            if (k < 6) {
                // under x-max-length-bytes, half the bodies end in a character of two UTF-8 bytes
                steps.add(new ExchangeStep.Publish(
                        "k", Map.of(), r.nextInt(4) == 0, r.nextInt(4) == 0 ? 5 : 0, option == 2 && r.nextBoolean()));
            } else if (k < 8) {
                steps.add(new ExchangeStep.Receive("A"));
            } else if (k < 10) {
                // A gives up on its oldest: dead-lettered, reason rejected; with a retry queue, back after its TTL
                steps.add(new ExchangeStep.Receive("A"));
                steps.add(new ExchangeStep.Settle("A", 0, ExchangeStep.Kind.REJECT, false, false));
                if (retry) {
                    steps.add(new ExchangeStep.Tick(5));
                }
            } else if (k < 15 && (q1.quorum() || (retry && k < 12))) {
                // a quorum queue's consumer hands its oldest back until the delivery limit takes it; a retry
                // queue's consumer rejects again, for a second death in the same queue
                steps.add(new ExchangeStep.Receive("A"));
                steps.add(new ExchangeStep.Settle(
                        "A", 0, q1.quorum() ? ExchangeStep.Kind.NACK : ExchangeStep.Kind.REJECT, false, q1.quorum()));
                if (retry && !q1.quorum()) {
                    steps.add(new ExchangeStep.Tick(5));
                }
            } else if (k < 15) {
                // most settlements here are failures: a nack or reject, with or without requeue
                ExchangeStep.Kind kind = List.of(
                                ExchangeStep.Kind.ACK,
                                ExchangeStep.Kind.NACK,
                                ExchangeStep.Kind.REJECT,
                                ExchangeStep.Kind.REJECT)
                        .get(r.nextInt(4));
                steps.add(new ExchangeStep.Settle("A", 0, kind, false, r.nextBoolean()));
            } else if (k < 17) {
                steps.add(new ExchangeStep.Receive("D"));
            } else {
                steps.add(new ExchangeStep.Tick(5));
            }
        }
        if (option == 2 && r.nextInt(3) == 0) {
            // under x-max-length-bytes, plain bodies fill q1, then one that ends in a two-byte character: with
            // drop-head, that one publish must push out more than one message
            for (int i = 0; i < 3; i++) {
                steps.add(new ExchangeStep.Publish("k", Map.of(), false, 0, false));
            }
            steps.add(new ExchangeStep.Publish("k", Map.of(), false, 0, true));
        }
        if (leaves) {
            // audit's consumer leaves past x-expires from declaration; the drain looks before it runs out again
            int expires = (int) qs.get(2).expires().orElseThrow().toSeconds();
            steps.add(new ExchangeStep.Tick(expires));
            steps.add(new ExchangeStep.Close("E"));
            steps.add(new ExchangeStep.Tick(1 + r.nextInt(expires - 1)));
        }
        return new Scenario<>(new ExchangeSetup(xs, qs, bs, cs), steps);
    }
}
