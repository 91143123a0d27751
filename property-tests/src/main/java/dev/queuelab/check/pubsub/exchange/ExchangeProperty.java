package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The broker's properties: where each aims its scenarios. Every invariant is judged in every scenario.
 * routing: topic patterns with {@code #} at the start, middle and end, {@code *}, empty words, headers
 * bindings, exchange-to-exchange bindings, an alternate exchange, mandatory publishes. consumers: prefetch,
 * two consumers on one channel, requeue, multiple, reject, a failing consumer, single active consumer, a
 * second queue whose consumer is slow. dead-letters: TTLs, length limits and their overflows, a retry queue
 * that brings a message back for a second death, a quorum queue's delivery limit, a queue that expires.
 */
public enum ExchangeProperty implements Property<ExchangeSetup, ExchangeStep, ExchangeCapabilities> {
    ROUTING(
            "routing",
            Map.of(
                    "'#' matched zero words",
                    0.1,
                    "'#' matched words",
                    0.1,
                    "routed nowhere",
                    0.2,
                    "through an exchange-to-exchange binding",
                    0.05,
                    "routed to several queues",
                    0.1,
                    "a headers binding without x-match matched in part",
                    0.03)),
    CONSUMERS(
            "consumers",
            Map.of(
                    "requeued",
                    0.3,
                    "redelivered a requeued message",
                    0.2,
                    "prefetch held back a ready message",
                    0.2,
                    "multiple settled several",
                    0.05,
                    "channel closed holding deliveries",
                    0.05)),
    DEAD_LETTERS(
            "dead-letters",
            Map.ofEntries(
                    Map.entry("dead-lettered rejected", 0.2),
                    Map.entry("dead-lettered expired", 0.1),
                    Map.entry("dead-lettered maxlen", 0.05),
                    Map.entry("dead-lettered delivery_limit", 0.02),
                    Map.entry("x-death count past 1", 0.02),
                    Map.entry("publish refused by a full queue", 0.03),
                    Map.entry("queue expired", 0.02),
                    Map.entry("x-max-length-bytes decided by a multi-byte body", 0.02),
                    Map.entry("a queue kept past x-expires from declaration by a consumer", 0.15),
                    Map.entry("a length limit met where nothing could ever expire", 0.01),
                    Map.entry("drop-head pushed out several messages at one publish", 0.005)));

    private final String id;
    private final Map<String, Double> coverage;

    ExchangeProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "exchange";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean appliesTo(ExchangeCapabilities capabilities) {
        return this != DEAD_LETTERS || capabilities.deadLetters();
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<ExchangeSetup> simpler(ExchangeSetup setup) {
        return List.of();
    }

    /** Every property of the broker is explained on one page. */
    @Override
    public String doc() {
        return "docs/pub-sub/exchange.md";
    }

    @Override
    public Scenario<ExchangeSetup, ExchangeStep> generate(long seed, ExchangeCapabilities capabilities) {
        SplittableRandom r = new SplittableRandom(seed);
        if (this == ROUTING) {
            return ExchangeScenarios.routing(r);
        }
        return this == CONSUMERS
                ? ExchangeScenarios.consumers(r)
                : ExchangeScenarios.deadLetters(r, capabilities.quorum());
    }
}
