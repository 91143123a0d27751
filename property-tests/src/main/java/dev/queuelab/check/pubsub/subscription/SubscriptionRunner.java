package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.PubSubService;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.api.pubsub.subscription.SubscriptionConfig;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.Runner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clients' side of one run: a publisher, one subscriber per subscription holding what it pulled, and an
 * operator who creates the late subscription, seeks and takes snapshots. Every answer is recorded as it came.
 * The final drain acks what each subscriber holds, pulls and acks each subscription until it is empty, then
 * reads the dead-letter topic's subscription the same way, with no time passing.
 */
final class SubscriptionRunner implements Runner.Play<SubscriptionStep, SubscriptionEvent> {

    private static final int DRAIN_ROUNDS = 20;

    private final SubscriptionFactory factory;
    private final SubscriptionSetup setup;
    private final ClockDriver clock;
    private final List<SubscriptionEvent> events = new ArrayList<>();
    private final Map<String, List<ReceivedMessage>> held = new LinkedHashMap<>();
    private final List<Instant> publishTimes = new ArrayList<>();
    private final Map<String, String> snapshots = new LinkedHashMap<>();
    private PubSubService service;
    private int step;
    private int taken;

    SubscriptionRunner(SubscriptionFactory factory, SubscriptionSetup setup, ClockDriver clock) {
        this.factory = factory;
        this.setup = setup;
        this.clock = clock;
    }

    @Override
    public void create() {
        service = factory.create(clock.clock());
        service.createTopic(SubscriptionSetup.TOPIC);
        service.createTopic(SubscriptionSetup.DEAD_TOPIC);
        service.createSubscription(
                SubscriptionSetup.DEAD_SUBSCRIPTION, SubscriptionConfig.of(SubscriptionSetup.DEAD_TOPIC));
        for (SubscriptionSetup.Spec s : setup.subscriptions()) {
            if (!s.late()) {
                service.createSubscription(s.name(), s.config());
                held.put(s.name(), new ArrayList<>());
            }
        }
    }

    @Override
    public void perform(SubscriptionStep s) {
        step++;
        Instant now = clock.now();
        if (s instanceof SubscriptionStep.Publish p) {
            int n = publishTimes.size() + 1;
            PubSubMessage m = new PubSubMessage(
                    "m" + n, p.key() > 0 ? "k" + p.key() : "", p.attributed() ? Map.of("origin", "web") : Map.of());
            publishTimes.add(now);
            events.add(new SubscriptionEvent.Published(step, now, m, service.publish(SubscriptionSetup.TOPIC, m)));
        } else if (s instanceof SubscriptionStep.Subscribe) {
            var late = setup.spec(SubscriptionSetup.LATE);
            if (late.isEmpty() || held.containsKey(SubscriptionSetup.LATE)) {
                skip(now, "operator creates subscription L", late.isEmpty() ? "L is not in this setup" : "L exists");
                return;
            }
            service.createSubscription(SubscriptionSetup.LATE, late.get().config());
            held.put(SubscriptionSetup.LATE, new ArrayList<>());
            events.add(new SubscriptionEvent.Subscribed(step, now, SubscriptionSetup.LATE));
        } else if (s instanceof SubscriptionStep.Pull p) {
            if (exists(p.subscription(), now, "pull")) {
                pull(p.subscription(), p.max(), now);
            }
        } else if (s instanceof SubscriptionStep.PullAndNack p) {
            if (exists(p.subscription(), now, "pull and nack")) {
                List<ReceivedMessage> got = pull(p.subscription(), 10, now);
                for (ReceivedMessage r : got == null ? List.<ReceivedMessage>of() : got) {
                    if (r != null) {
                        held.get(p.subscription()).remove(r);
                        modify(p.subscription(), r, 0, now);
                    }
                }
            }
        } else if (s instanceof SubscriptionStep.Ack a) {
            ReceivedMessage r = nth(a.subscription(), a.nth(), now, "ack");
            if (r != null) {
                held.get(a.subscription()).remove(r);
                boolean ok = service.acknowledge(a.subscription(), r.ackId());
                events.add(new SubscriptionEvent.Acked(step, now, a.subscription(), r, ok));
            }
        } else if (s instanceof SubscriptionStep.ModifyDeadline m) {
            ReceivedMessage r = nth(m.subscription(), m.nth(), now, "modify a deadline");
            if (r != null) {
                if (m.seconds() == 0) {
                    held.get(m.subscription()).remove(r);
                }
                modify(m.subscription(), r, m.seconds(), now);
            }
        } else if (s instanceof SubscriptionStep.Tick t) {
            clock.advance(Duration.ofSeconds(t.seconds()));
            events.add(new SubscriptionEvent.Ticked(step, now, Duration.ofSeconds(t.seconds())));
        } else {
            operate(s, now);
        }
    }

    /** The operator's steps: seek, snapshot, seek to a snapshot. */
    private void operate(SubscriptionStep s, Instant now) {
        if (s instanceof SubscriptionStep.Seek k) {
            if (!exists(k.subscription(), now, "seek") || publishTimes.isEmpty()) {
                if (publishTimes.isEmpty()) {
                    skip(now, "operator seeks " + k.subscription(), "nothing was published");
                }
                return;
            }
            int i = Math.min(k.nth(), publishTimes.size() - 1);
            Instant time = publishTimes.get(i).plusSeconds(k.offsetSeconds());
            String target = "m" + (i + 1) + "'s publish time"
                    + (k.offsetSeconds() == 0
                            ? ""
                            : (k.offsetSeconds() > 0 ? " + " : " - ") + Math.abs(k.offsetSeconds()) + "s");
            service.seek(k.subscription(), time);
            events.add(new SubscriptionEvent.Seeked(step, now, k.subscription(), time, target));
        } else if (s instanceof SubscriptionStep.TakeSnapshot t) {
            if (exists(t.subscription(), now, "take a snapshot")) {
                String name = "snap" + ++taken;
                service.createSnapshot(name, t.subscription());
                snapshots.put(t.subscription(), name);
                events.add(new SubscriptionEvent.Snapshot(step, now, t.subscription(), name, false));
            }
        } else if (s instanceof SubscriptionStep.SeekSnapshot k) {
            String name = snapshots.get(k.subscription());
            if (name == null) {
                skip(now, "operator seeks " + k.subscription() + " to its snapshot", "none was taken");
            } else if (exists(k.subscription(), now, "seek")) {
                service.seekToSnapshot(k.subscription(), name);
                events.add(new SubscriptionEvent.Snapshot(step, now, k.subscription(), name, true));
            }
        } else {
            throw new IllegalStateException("the runner has no rule for step " + s + ": a bug in the checker");
        }
    }

    @Override
    public void drain() {
        for (String sub : List.copyOf(held.keySet())) {
            step++;
            Instant now = clock.now();
            for (ReceivedMessage r : List.copyOf(held.get(sub))) {
                boolean ok = service.acknowledge(sub, r.ackId());
                events.add(new SubscriptionEvent.Acked(step, now, sub, r, ok));
            }
            held.get(sub).clear();
            drainOne(sub);
        }
        drainOne(SubscriptionSetup.DEAD_SUBSCRIPTION);
    }

    private void drainOne(String sub) {
        for (int round = 0; round < DRAIN_ROUNDS; round++) {
            step++;
            Instant now = clock.now();
            List<ReceivedMessage> got = service.pull(sub, 1000);
            events.add(new SubscriptionEvent.Pulled(step, now, sub, 1000, got == null ? null : List.copyOf(got)));
            if (got == null || got.isEmpty()) {
                return;
            }
            for (ReceivedMessage r : got) {
                if (r != null) {
                    events.add(new SubscriptionEvent.Acked(step, now, sub, r, service.acknowledge(sub, r.ackId())));
                }
            }
        }
    }

    private List<ReceivedMessage> pull(String sub, int max, Instant now) {
        List<ReceivedMessage> got = service.pull(sub, max);
        List<ReceivedMessage> copy = got == null ? null : new ArrayList<>(got);
        events.add(new SubscriptionEvent.Pulled(step, now, sub, max, copy));
        if (copy != null) {
            copy.stream().filter(r -> r != null).forEach(held.get(sub)::add);
        }
        return copy;
    }

    private void modify(String sub, ReceivedMessage r, int seconds, Instant now) {
        boolean ok = service.modifyAckDeadline(sub, r.ackId(), seconds);
        events.add(new SubscriptionEvent.Modified(step, now, sub, r, seconds, ok));
    }

    private ReceivedMessage nth(String sub, int nth, Instant now, String what) {
        if (!exists(sub, now, what)) {
            return null;
        }
        List<ReceivedMessage> mine = held.get(sub);
        if (mine.isEmpty()) {
            skip(now, "subscriber of " + sub + " would " + what, "it holds nothing");
            return null;
        }
        return mine.get(Math.min(nth, mine.size() - 1));
    }

    private boolean exists(String sub, Instant now, String what) {
        if (held.containsKey(sub)) {
            return true;
        }
        skip(now, "subscriber of " + sub + " would " + what, "subscription " + sub + " does not exist now");
        return false;
    }

    private void skip(Instant now, String action, String why) {
        events.add(new SubscriptionEvent.Skipped(step, now, action, why));
    }

    @Override
    public SubscriptionEvent threw(RuntimeException e) {
        return new SubscriptionEvent.Threw(step, clock.now(), "the call of step " + step, e.toString());
    }

    @Override
    public List<SubscriptionEvent> events() {
        return events;
    }
}
