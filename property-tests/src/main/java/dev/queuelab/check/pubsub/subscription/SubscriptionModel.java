package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.pubsub.subscription.DeadLetterPolicy;
import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import dev.queuelab.check.Rule;
import dev.queuelab.check.pubsub.subscription.SubscriptionLedger.Cause;
import dev.queuelab.check.pubsub.subscription.SubscriptionLedger.Held;
import dev.queuelab.check.pubsub.subscription.SubscriptionLedger.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a history of one topic's subscriptions from the events alone: each subscription's ledger says what every
 * pull, ack and deadline change should have answered (SB1 to SB7), and the dead-letter topic's drain must hold
 * exactly what was dead-lettered. A message a pull left out is named once the rest of the history tells: withheld
 * if it came later, dead-lettered early, lost, left out after a seek, or a key-mate not redelivered.
 */
final class SubscriptionModel implements Model<SubscriptionEvent> {

    /** A message as published: its number (m{n}), what was sent, the id and time it got. */
    record Msg(int n, PubSubMessage message, String id, Instant publishTime) {}

    private record Omission(int step, String subscription, int n, Cause cause) {}

    private final SubscriptionSetup setup;
    private final Instant start;
    private final int lastScenarioStep;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private final Map<String, Msg> byData = new HashMap<>();
    private final Map<String, SubscriptionLedger> subs = new LinkedHashMap<>();
    private final Set<String> ackIds = new HashSet<>();
    private final Map<String, Integer> deadExpected = new LinkedHashMap<>(); // "A:3" -> failures
    private final Map<String, Integer> deadSeen = new HashMap<>(); // "A:3" -> the step it came
    private final Map<String, String> deadCount = new HashMap<>(); // "A:3" -> the failures its copy names
    private final Map<String, Integer> lastDelivery = new HashMap<>();
    private final List<Omission> omissions = new ArrayList<>();
    private final List<Omission> passed = new ArrayList<>(); // a later key-mate delivered past an earlier one
    private final List<String> passedBy = new ArrayList<>();
    private int lastStep;

    SubscriptionModel(SubscriptionSetup setup, Instant start, int lastScenarioStep) {
        this.setup = setup;
        this.start = start;
        this.lastScenarioStep = lastScenarioStep;
        setup.subscriptions().stream()
                .filter(s -> !s.late())
                .forEach(s -> subs.put(s.name(), new SubscriptionLedger(s, 0)));
    }

    @Override
    public void apply(SubscriptionEvent event, Op op) {
        lastStep = Math.max(lastStep, event.step());
        if (event instanceof SubscriptionEvent.Ticked || event instanceof SubscriptionEvent.Skipped) {
            return;
        }
        if (event instanceof SubscriptionEvent.Threw e) {
            found(SubscriptionRule.OPERATION_FAILED, e.step(), "threw " + e.error());
            return;
        }
        advance(event.step(), event.at());
        if (event instanceof SubscriptionEvent.Published e) {
            published(e);
        } else if (event instanceof SubscriptionEvent.Subscribed e) {
            SubscriptionSetup.Spec spec = setup.spec(e.subscription()).orElseThrow();
            subs.put(e.subscription(), new SubscriptionLedger(spec, byData.size()));
        } else if (event instanceof SubscriptionEvent.Pulled e) {
            if (e.subscription().equals(SubscriptionSetup.DEAD_SUBSCRIPTION)) {
                deadLetters(e);
            } else {
                pulled(e);
            }
        } else if (event instanceof SubscriptionEvent.Acked e) {
            if (!e.subscription().equals(SubscriptionSetup.DEAD_SUBSCRIPTION)) {
                leaseAnswer(e.step(), e.subscription(), e.of(), e.result(), "ack")
                        .ifPresent(h -> {
                            h.state = State.ACKED;
                            h.ackId = null;
                            h.ackedBySeek = false;
                        });
            }
        } else if (event instanceof SubscriptionEvent.Modified e) {
            leaseAnswer(e.step(), e.subscription(), e.of(), e.result(), "modifyAckDeadline")
                    .ifPresent(h -> {
                        if (e.seconds() == 0) {
                            subs.get(e.subscription()).fail(h, Cause.NACKED, deadLetter(e.subscription()));
                        } else {
                            h.deadline = e.at().plusSeconds(e.seconds());
                            coverage.add("a lease extended by modifyAckDeadline");
                        }
                    });
        } else if (event instanceof SubscriptionEvent.Seeked e) {
            boolean exact = subs.get(e.subscription()).held.values().stream()
                    .anyMatch(h -> h.kept() && h.msg.publishTime().equals(e.time()));
            if (subs.get(e.subscription()).seek(e.time())) {
                coverage.add("a seek unacked an acked message");
            }
            if (exact) {
                coverage.add("a seek to a message's exact publish time");
            }
        } else if (event instanceof SubscriptionEvent.Snapshot e && !e.seek()) {
            subs.get(e.subscription()).snapshot(e.snapshot(), byData.size());
        } else if (event instanceof SubscriptionEvent.Snapshot e
                && subs.get(e.subscription()).seekToSnapshot(e.snapshot())) {
            coverage.add("a seek to a snapshot unacked an acked message");
        }
    }

    /** SB1, SB2, SB5: retention and deadlines, as every call of the service applies them first. */
    private void advance(int step, Instant now) {
        subs.forEach((name, ledger) -> ledger.advance(
                now,
                (h, was) -> {
                    if (was != State.ACKED) {
                        coverage.add("an unacked message dropped by retention");
                    }
                },
                deadLetter(name)));
    }

    private java.util.function.BiConsumer<Held, Integer> deadLetter(String sub) {
        return (h, failures) -> {
            deadExpected.put(sub + ":" + h.msg.n(), failures);
            coverage.add("a message dead-lettered");
            if (!h.msg.message().attributes().isEmpty()) {
                coverage.add("a message with attributes of its own dead-lettered");
            }
        };
    }

    private void published(SubscriptionEvent.Published e) {
        int n = byData.size() + 1;
        if (e.id() == null || byData.values().stream().anyMatch(m -> m.id().equals(e.id()))) {
            found(
                    SubscriptionRule.INVALID_ANSWER,
                    e.step(),
                    "publish of m" + n + " answered id " + e.id()
                            + (e.id() == null ? "" : ", an id an earlier message has"));
        }
        Msg msg = new Msg(n, e.message(), String.valueOf(e.id()), e.at());
        byData.put(e.message().data(), msg);
        subs.values().forEach(l -> l.add(msg));
    }

    private void pulled(SubscriptionEvent.Pulled e) {
        SubscriptionLedger ledger = subs.get(e.subscription());
        if (e.got() == null
                || e.got().stream().anyMatch(java.util.Objects::isNull)
                || e.got().size() > e.max()) {
            found(SubscriptionRule.INVALID_ANSWER, e.step(), "a pull of up to " + e.max() + " answered " + e.answer());
            return;
        }
        label(e, ledger);
        Set<Integer> taken = new HashSet<>();
        for (ReceivedMessage r : e.got()) {
            Msg msg = r.message() == null ? null : byData.get(r.message().data());
            if (msg == null) {
                found(SubscriptionRule.UNEXPECTED, e.step(), e.subscription() + " got " + r + ", never published");
                continue;
            }
            String m = "m" + msg.n();
            if (!msg.id().equals(r.messageId())
                    || !msg.publishTime().equals(r.publishTime())
                    || !msg.message().equals(r.message())) {
                found(SubscriptionRule.ALTERED, e.step(), m + " was published as " + msg + ", delivered as " + r);
            }
            if (r.ackId() == null || !ackIds.add(r.ackId())) {
                found(
                        SubscriptionRule.RECEIPT_REUSED,
                        e.step(),
                        m + " came with ack id " + r.ackId() + ", which an earlier delivery had");
            }
            Held h = ledger.held.get(msg.n());
            if (h == null) {
                found(
                        SubscriptionRule.BEFORE_SUBSCRIBED,
                        e.step(),
                        m + " was published before " + e.subscription() + " was created, yet " + e.subscription()
                                + " got it");
                continue;
            }
            judgeDelivery(e, ledger, h, r, taken);
            taken.add(msg.n());
            h.state = State.OUTSTANDING;
            h.ackId = r.ackId();
            h.deadline = e.at().plusSeconds(ledger.spec.ackDeadline());
            h.firstDeadline = h.deadline;
            h.ackedBySeek = false;
            lastDelivery.put(e.subscription() + ":" + msg.n(), e.step());
        }
        if (e.got().size() < e.max()) {
            for (Held h : ledger.held.values()) {
                if (h.state == State.PENDING && !taken.contains(h.msg.n())) {
                    leftOut(e, ledger, h, taken);
                }
            }
        }
    }

    private void judgeDelivery(
            SubscriptionEvent.Pulled e, SubscriptionLedger ledger, Held h, ReceivedMessage r, Set<Integer> taken) {
        String m = "m" + h.msg.n();
        if (h.state == State.OUTSTANDING) {
            found(
                    SubscriptionRule.EARLY_REDELIVERY,
                    e.step(),
                    m + " was delivered again at " + t(e.at()) + ", but its lease holds until " + t(h.deadline));
        } else if (h.state == State.ACKED) {
            found(
                    h.ackedBySeek ? SubscriptionRule.SEEK_MISAPPLIED : SubscriptionRule.DUPLICATE,
                    e.step(),
                    m
                            + (h.ackedBySeek
                                    ? " was published before the seek's time, so the seek acked it"
                                    : " was acked")
                            + ", yet " + e.subscription() + " got it again");
        } else if (h.state == State.DEAD) {
            found(
                    SubscriptionRule.DEAD_LETTER_LATE,
                    e.step(),
                    m + " failed " + h.failures + " times (max " + ledger.spec.maxAttempts()
                            + "), yet was delivered again");
        } else if (h.state == State.GONE) {
            found(
                    SubscriptionRule.PAST_RETENTION,
                    e.step(),
                    m + " was published at " + t(h.msg.publishTime()) + ", more than the retention of "
                            + ledger.spec.retention() + "s ago");
        } else {
            String key = h.msg.message().orderingKey();
            Held first = ledger.spec.ordering() && !key.isEmpty() ? ledger.earliestPending(key, taken) : h;
            if (first != h) { // judged at the end: the earlier one may turn out dead-lettered too early (SB5)
                passed.add(new Omission(e.step(), e.subscription(), first.msg.n(), Cause.REVOKED));
                passedBy.add(m + " of key " + key + " came while m" + first.msg.n()
                        + ", published before it, waits to be delivered (again)");
            }
            coverage.add(
                    switch (h.cause) {
                        case NEW -> "a new message delivered";
                        case EXPIRED -> "a deadline expired and the message came again";
                        case NACKED -> "a nacked message came again";
                        case REVOKED -> "a later key-mate came again after its key failed";
                        case SEEK -> "a message a seek unacked came again";
                        case SNAPSHOT -> "a message a snapshot seek unacked came again";
                    });
        }
        int attempt = ledger.spec.maxAttempts() > 0 ? h.failures + 1 : 0;
        if (r.deliveryAttempt() != attempt) {
            found(
                    SubscriptionRule.WRONG_ATTEMPT,
                    e.step(),
                    m + " failed " + h.failures + " times, so its attempt is " + attempt + ", answered "
                            + r.deliveryAttempt());
        }
    }

    /** A pending message a pull with room did not hand out: a key-mate at once, the rest once the history tells. */
    private void leftOut(SubscriptionEvent.Pulled e, SubscriptionLedger ledger, Held h, Set<Integer> taken) {
        String key = h.msg.message().orderingKey();
        boolean mateTaken = ledger.spec.ordering()
                && !key.isEmpty()
                && h.cause == Cause.REVOKED
                && taken.stream()
                        .anyMatch(n -> n < h.msg.n()
                                && ledger.held
                                        .get(n)
                                        .msg
                                        .message()
                                        .orderingKey()
                                        .equals(key));
        if (mateTaken) {
            found(
                    SubscriptionRule.KEY_REORDERED,
                    e.step(),
                    "m" + h.msg.n() + " of key " + key
                            + " was delivered before an earlier message of its key failed, so it must come again after it;"
                            + " the pull had room and left it out");
        } else {
            omissions.add(new Omission(e.step(), e.subscription(), h.msg.n(), h.cause));
        }
    }

    private void label(SubscriptionEvent.Pulled e, SubscriptionLedger ledger) {
        if (ledger.held.values().stream()
                .anyMatch(h -> h.state == State.OUTSTANDING
                        && !e.at().isBefore(h.firstDeadline)
                        && e.at().isBefore(h.deadline))) {
            coverage.add("a lease held past its first deadline by an extension");
        }
        if (e.subscription().equals(SubscriptionSetup.LATE) && ledger.before > 0) {
            coverage.add("a late subscription pulled after earlier publishes");
        }
        if (subs.values().stream().anyMatch(l -> l != ledger && l.backlog() >= 3)) {
            coverage.add("a subscription pulled beside another's backlog of 3");
        }
    }

    /** The lease an ack or deadline change names, if it holds and the answer says so; anomalies otherwise. */
    private java.util.Optional<Held> leaseAnswer(
            int step, String sub, ReceivedMessage of, boolean result, String what) {
        Msg msg = of == null || of.message() == null
                ? null
                : byData.get(of.message().data());
        Held h = msg == null ? null : subs.get(sub).held.get(msg.n());
        if (h == null) {
            return java.util.Optional.empty();
        }
        boolean holds = h.state == State.OUTSTANDING && of.ackId().equals(h.ackId);
        String m = "m" + msg.n();
        if (holds && !result) {
            found(
                    SubscriptionRule.ACK_REFUSED,
                    step,
                    "the " + what + " of " + m + " came within its lease (until " + t(h.deadline)
                            + "), yet was refused");
        } else if (!holds && result) {
            Rule rule = h.state == State.PENDING && h.cause == Cause.REVOKED
                    ? SubscriptionRule.KEY_REORDERED
                    : h.cause == Cause.SEEK || h.cause == Cause.SNAPSHOT || h.ackedBySeek
                            ? SubscriptionRule.SEEK_MISAPPLIED
                            : SubscriptionRule.STALE_ACK;
            String why = rule == SubscriptionRule.KEY_REORDERED
                    ? "m" + h.revokedBy + ", published before it with the same key, failed after " + m
                            + " was delivered, so " + m + " must come again after it and that delivery's lease ended"
                    : "that delivery's lease was gone (" + m + " is "
                            + h.state.name().toLowerCase(java.util.Locale.ROOT)
                            + (h.state == State.PENDING ? ", " + h.cause.name().toLowerCase(java.util.Locale.ROOT) : "")
                            + ")";
            found(rule, step, "the " + what + " of " + m + " took effect, but " + why);
        }
        return holds && result ? java.util.Optional.of(h) : java.util.Optional.empty();
    }

    /** SB5: the dead-letter topic's drain: each copy names its source subscription and its failures. */
    private void deadLetters(SubscriptionEvent.Pulled e) {
        if (e.got() == null || e.got().stream().anyMatch(java.util.Objects::isNull)) {
            found(SubscriptionRule.INVALID_ANSWER, e.step(), "a pull of the dead letters answered " + e.answer());
            return;
        }
        for (ReceivedMessage r : e.got()) {
            Msg msg = r.message() == null ? null : byData.get(r.message().data());
            String source =
                    r.message() == null ? null : r.message().attributes().get(DeadLetterPolicy.SOURCE_SUBSCRIPTION);
            if (msg == null || source == null || !subs.containsKey(source)) {
                found(
                        SubscriptionRule.UNEXPECTED,
                        e.step(),
                        "the dead-letter topic got " + r + ", which no subscription dead-lettered");
                continue;
            }
            String key = source + ":" + msg.n();
            Integer failures = deadExpected.get(key);
            deadCount.putIfAbsent(key, r.message().attributes().get(DeadLetterPolicy.SOURCE_DELIVERY_COUNT));
            if (deadSeen.putIfAbsent(key, e.step()) != null) {
                found(
                        SubscriptionRule.DUPLICATE,
                        e.step(),
                        "m" + msg.n() + " from " + source + " was dead-lettered twice");
            } else if (!r.message()
                    .attributes()
                    .entrySet()
                    .containsAll(msg.message().attributes().entrySet())) {
                found(
                        SubscriptionRule.ALTERED,
                        e.step(),
                        "m" + msg.n() + " was dead-lettered with attributes "
                                + r.message().attributes() + ", which lack its own "
                                + msg.message().attributes());
            } else if (failures != null
                    && !String.valueOf(failures)
                            .equals(r.message().attributes().get(DeadLetterPolicy.SOURCE_DELIVERY_COUNT))) {
                found(
                        SubscriptionRule.WRONG_ATTEMPT,
                        e.step(),
                        "m" + msg.n() + " was dead-lettered after " + failures + " failures, the copy says "
                                + r.message().attributes().get(DeadLetterPolicy.SOURCE_DELIVERY_COUNT));
            }
        }
    }

    @Override
    public void finish(int lastStep) {
        Set<String> told = new HashSet<>();
        for (int i = 0; i < passed.size(); i++) {
            Omission o = passed.get(i);
            String key = o.subscription() + ":" + o.n();
            if (deadSeen.containsKey(key) && !deadExpected.containsKey(key)) {
                told.add(key);
                found(
                        SubscriptionRule.DEAD_LETTER_EARLY,
                        o.step(),
                        passedBy.get(i) + ": m" + o.n()
                                + " had gone to the dead-letter topic after " + deadCount.get(key)
                                + " failures (its copy says), but max delivery attempts is "
                                + subs.get(o.subscription()).spec.maxAttempts());
            } else {
                found(SubscriptionRule.KEY_REORDERED, o.step(), passedBy.get(i));
            }
        }
        for (Omission o : omissions) {
            String key = o.subscription() + ":" + o.n();
            if (!told.add(key)) {
                continue;
            }
            String m = "m" + o.n();
            String on = " on " + o.subscription();
            if (deadSeen.containsKey(key) && !deadExpected.containsKey(key)) {
                found(
                        SubscriptionRule.DEAD_LETTER_EARLY,
                        o.step(),
                        m + " was left out: it had gone to the dead-letter topic after " + deadCount.get(key)
                                + " failures (its copy says), but max delivery attempts is "
                                + subs.get(o.subscription()).spec.maxAttempts() + on);
            } else {
                boolean later = lastDelivery.getOrDefault(key, 0) > o.step();
                boolean seek = o.cause() == Cause.SEEK || o.cause() == Cause.SNAPSHOT;
                Rule rule = later && !seek
                        ? SubscriptionRule.WITHHELD
                        : switch (o.cause()) {
                            case SEEK, SNAPSHOT -> SubscriptionRule.SEEK_MISAPPLIED;
                            case REVOKED -> SubscriptionRule.KEY_REORDERED;
                            case EXPIRED, NACKED -> SubscriptionRule.MISSING_REDELIVERY;
                            case NEW -> SubscriptionRule.LOST;
                        };
                found(
                        rule,
                        o.step(),
                        m + " was deliverable (" + why(o.cause()) + ") and the pull had room, but it "
                                + (later
                                        ? "came only at step " + stepName(lastDelivery.get(key))
                                        : "never came again, not even to the final drain")
                                + on);
            }
        }
        deadExpected.forEach((key, failures) -> {
            if (!deadSeen.containsKey(key)) {
                found(
                        SubscriptionRule.LOST,
                        lastStep,
                        "m" + key.split(":")[1] + " failed " + failures + " times on " + key.split(":")[0]
                                + " but never reached the dead-letter topic");
            }
        });
        deadSeen.forEach((key, step) -> {
            if (!deadExpected.containsKey(key) && !told.contains(key)) {
                found(
                        SubscriptionRule.DEAD_LETTER_EARLY,
                        step,
                        "m" + key.split(":")[1] + " reached the dead-letter" + " topic from " + key.split(":")[0]
                                + " before failing its max delivery attempts");
            }
        });
        anomalies.sort(Comparator.comparingInt(Anomaly::step));
    }

    /** Why a message was pending, in the story's words. */
    private static String why(Cause cause) {
        return switch (cause) {
            case NEW -> "published, never delivered";
            case EXPIRED -> "its deadline had expired";
            case NACKED -> "it was nacked";
            case REVOKED -> "an earlier message of its key had failed";
            case SEEK -> "the seek had marked it unacked";
            case SNAPSHOT -> "the seek to a snapshot had marked it unacked";
        };
    }

    /** A step as the story numbers it: 5, or D2 in the checker's final drain. */
    private String stepName(int step) {
        return step > lastScenarioStep ? "D" + (step - lastScenarioStep) : String.valueOf(step);
    }

    /** An instant as the story says it: "t=25s". */
    private String t(Instant at) {
        return "t=" + java.time.Duration.between(start, at).toSeconds() + "s";
    }

    private void found(Rule rule, int step, String evidence) {
        anomalies.add(rule.found(step, evidence));
    }

    @Override
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }
}
