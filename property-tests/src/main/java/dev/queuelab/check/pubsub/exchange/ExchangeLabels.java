package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Overflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage labels for situations where a plausible shortcut parts from RabbitMQ, which the scenarios aim at on
 * purpose: a headers binding without x-match (the default is all, not any), a body whose UTF-8 bytes and
 * characters fall on either side of x-max-length-bytes, a queue looked at past x-expires counted from its
 * declaration but inside it counted from its consumer's leaving, a length limit met in a trial where nothing
 * could expire (a broker may then take a publish by a path that skips time's work, and must not skip the limit),
 * a drop-head queue under x-max-length-bytes that one publish must push several messages out of.
 */
final class ExchangeLabels {

    private ExchangeLabels() {}

    /**
     * Before the model takes the publish: the state it meets; {@code timed} when anything in the trial so far
     * could expire (a queue's TTL or x-expires, a message's expiration).
     */
    static void published(BrokerModel broker, ExchangeEvent.Publish p, boolean timed, Set<String> coverage) {
        for (BindingSpec b : broker.setup.bindings()) {
            boolean headers = broker.setup.exchanges().stream()
                    .anyMatch(x -> x.name().equals(b.source()) && x.type() == ExchangeType.HEADERS);
            long equal = b.arguments().entrySet().stream()
                    .filter(a -> !a.getKey().startsWith("x-")
                            && a.getValue().equals(p.headers().get(a.getKey())))
                    .count();
            if (headers
                    && !b.arguments().containsKey("x-match")
                    && equal > 0
                    && equal < b.arguments().size()) {
                coverage.add("a headers binding without x-match matched in part");
            }
        }
        int bytes = p.body().getBytes(StandardCharsets.UTF_8).length;
        for (String target : broker.route(p.exchange(), p.routingKey(), p.headers())) {
            BrokerModel.Q q = broker.queues.get(target);
            int chars = q.ready.stream().mapToInt(m -> m.body().length()).sum()
                    + p.body().length();
            if (q.spec.maxLengthBytes().stream().anyMatch(n -> chars <= n && q.bytes() + bytes > n)) {
                coverage.add("x-max-length-bytes decided by a multi-byte body");
            }
            if (!timed
                    && (q.spec.maxLength().stream().anyMatch(n -> q.ready.size() >= n)
                            || q.spec.maxLengthBytes().stream().anyMatch(n -> q.bytes() + bytes > n))) {
                coverage.add("a length limit met where nothing could ever expire");
            }
            if (q.spec.overflow() == Overflow.DROP_HEAD
                    && q.spec.maxLengthBytes().stream().anyMatch(n -> pushedOut(q, bytes, n) > 1)) {
                coverage.add("drop-head pushed out several messages at one publish");
            }
        }
    }

    /** How many ready messages a publish of {@code bytes} pushes out of {@code q} under a limit of {@code n} bytes. */
    private static int pushedOut(BrokerModel.Q q, int bytes, long n) {
        long held = q.bytes() + bytes;
        int out = 0;
        for (; out < q.ready.size() && held > n; out++) {
            held -= q.ready.get(out).body().getBytes(StandardCharsets.UTF_8).length;
        }
        return out;
    }

    static void looked(
            BrokerModel broker, Instant start, ExchangeEvent.Looked l, boolean exists, Set<String> coverage) {
        Optional<Duration> expires = broker.queues.get(l.queue()).spec.expires();
        if (exists && expires.isPresent() && !start.plus(expires.get()).isAfter(l.at())) {
            coverage.add("a queue kept past x-expires from declaration by a consumer");
        }
    }
}
