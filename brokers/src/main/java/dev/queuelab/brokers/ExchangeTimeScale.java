package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.pubsub.exchange.ExchangeEvent;
import dev.queuelab.check.pubsub.exchange.ExchangeSetup;
import dev.queuelab.check.pubsub.exchange.ExchangeStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exchange topology's scale: TTLs (a queue's, a message's) and x-expires become whole units less half a
 * unit, ticks whole units. The harness fits two things the adapter's consumers cannot be over {@code basic.get}
 * (see {@link RabbitExchanges}): a single-active-consumer queue becomes a plain one (a poller is no registered
 * consumer, so there is no active one to choose), and a consumer of a queue with x-expires is left out with its
 * steps (it would keep the queue in use only as a registered consumer). The adapter does not pretend either.
 */
final class ExchangeTimeScale implements TimeScale<ExchangeSetup, ExchangeStep, ExchangeEvent> {

    @Override
    public Scenario<ExchangeSetup, ExchangeStep> scale(Scenario<ExchangeSetup, ExchangeStep> s) {
        List<QueueSpec> queues = new ArrayList<>();
        List<String> expiring = new ArrayList<>();
        for (QueueSpec q : s.config().queues()) {
            if (q.expires().isPresent()) {
                expiring.add(q.name());
            }
            queues.add(new QueueSpec(
                    q.name(),
                    q.messageTtl().map(TimeScale::deadline),
                    q.expires().map(TimeScale::deadline),
                    q.maxLength(),
                    q.maxLengthBytes(),
                    q.overflow(),
                    q.deadLetterExchange(),
                    q.deadLetterRoutingKey(),
                    q.quorum(),
                    q.deliveryLimit(),
                    false));
        }
        List<ExchangeSetup.Consumer> consumers = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (ExchangeSetup.Consumer c : s.config().consumers()) {
            if (expiring.contains(c.queue())) {
                left.add(c.name());
            } else {
                consumers.add(c);
            }
        }
        List<ExchangeStep> steps = new ArrayList<>();
        for (ExchangeStep step : s.steps()) {
            if (step instanceof ExchangeStep.Tick t) {
                steps.add(new ExchangeStep.Tick(
                        (int) TimeScale.tick(Duration.ofSeconds(t.seconds())).toSeconds()));
            } else if (step instanceof ExchangeStep.Publish p && p.ttlSeconds() > 0) {
                steps.add(new ExchangeStep.Publish(
                        p.routingKey(),
                        p.headers(),
                        p.mandatory(),
                        (int) TimeScale.deadline(Duration.ofSeconds(p.ttlSeconds()))
                                .toSeconds(),
                        p.accented()));
            } else if (!left.contains(consumerOf(step))) {
                steps.add(step);
            }
        }
        ExchangeSetup setup =
                new ExchangeSetup(s.config().exchanges(), queues, s.config().bindings(), consumers);
        return new Scenario<>(setup, steps);
    }

    private static String consumerOf(ExchangeStep step) {
        if (step instanceof ExchangeStep.Receive r) {
            return r.consumer();
        }
        if (step instanceof ExchangeStep.Settle st) {
            return st.consumer();
        }
        return step instanceof ExchangeStep.Close c ? c.consumer() : "";
    }

    /** Every duration the scaled scenario sets: its TTLs and x-expires. */
    private static List<Duration> durations(Scenario<ExchangeSetup, ExchangeStep> scaled) {
        List<Duration> out = new ArrayList<>();
        for (QueueSpec q : scaled.config().queues()) {
            q.messageTtl().ifPresent(out::add);
            q.expires().ifPresent(out::add);
        }
        for (ExchangeStep step : scaled.steps()) {
            if (step instanceof ExchangeStep.Publish p && p.ttlSeconds() > 0) {
                out.add(Duration.ofSeconds(p.ttlSeconds()));
            }
        }
        return out;
    }

    @Override
    public Duration longest(Scenario<ExchangeSetup, ExchangeStep> scaled) {
        Duration longest = Duration.ZERO;
        for (Duration d : durations(scaled)) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        for (ExchangeStep step : scaled.steps()) {
            if (step instanceof ExchangeStep.Tick t
                    && Duration.ofSeconds(t.seconds()).compareTo(longest) > 0) {
                longest = Duration.ofSeconds(t.seconds());
            }
        }
        return longest.plus(TimeScale.UNIT);
    }

    /**
     * A step near any deadline the run may have set: every TTL and x-expires counted from the start and from
     * every call (a message may enter a queue with a TTL at a publish, a dead-lettering or a requeue, and a
     * queue may become unused at a close). Generous on purpose: a tainted step is only reported apart.
     */
    @Override
    public Set<Integer> tainted(History<ExchangeSetup, ?, ExchangeEvent> history) {
        List<ExchangeStep> expiring = scaledPublishes(history);
        List<Duration> durations = durations(new Scenario<>(history.config(), expiring));
        List<Instant> deadlines = new ArrayList<>();
        Set<Integer> tainted = new TreeSet<>();
        durations.forEach(d -> deadlines.add(history.start().plus(d)));
        boolean cycle = expiryCycle(history.config(), !expiring.isEmpty());
        boolean ticked = false;
        for (ExchangeEvent e : history.events()) {
            if (e instanceof ExchangeEvent.Ticked) {
                ticked = true;
                continue;
            }
            if (cycle && ticked) {
                tainted.add(e.step());
            }
            for (Instant d : deadlines) {
                if (TimeScale.near(e.at(), d)) {
                    tainted.add(e.step());
                }
            }
            durations.forEach(d -> deadlines.add(e.at().plus(d)));
        }
        return tainted;
    }

    /**
     * Whether a message can expire twice or more in a row, each expiry dead-lettering it to the next queue: two or
     * more queues with both a TTL and a dead-letter exchange (as a retry queue makes), or one such queue, another
     * with a dead-letter exchange and no TTL, and a publish with its own expiration (which expires it in the
     * first; dead-lettering then drops the expiration). RabbitMQ expires on its own timers, hop
     * after hop, while the reference expires at the next call and starts the next TTL from there, so after the
     * first tick the two are as far apart as the hops add up to. Every step after it is timing-tainted.
     */
    static boolean expiryCycle(ExchangeSetup setup, boolean expiringPublishes) {
        long hops = setup.queues().stream()
                .filter(q ->
                        q.messageTtl().isPresent() && q.deadLetterExchange().isPresent())
                .count();
        boolean firstHop = expiringPublishes
                && setup.queues().stream()
                        .anyMatch(q -> q.messageTtl().isEmpty()
                                && q.deadLetterExchange().isPresent());
        return hops + (firstHop ? 1 : 0) >= 2;
    }

    /** The history's publishes as steps, for their TTLs. */
    private static List<ExchangeStep> scaledPublishes(History<ExchangeSetup, ?, ExchangeEvent> history) {
        List<ExchangeStep> out = new ArrayList<>();
        for (ExchangeEvent e : history.events()) {
            if (e instanceof ExchangeEvent.Publish p && p.ttlSeconds() > 0) {
                out.add(new ExchangeStep.Publish(p.routingKey(), p.headers(), false, p.ttlSeconds(), false));
            }
        }
        return out;
    }
}
