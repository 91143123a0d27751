package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.Notification;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.PublishOutcome;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recomputes from the calls alone what each subscription's queue and dead-letter queue must hold (which
 * subscriptions existed, matched by {@link FilterModel}, and refused at each publish; the topic's dedup window)
 * and holds every answer to it; the final drain empties every queue, so what never came is lost.
 */
final class FanoutModel implements Model<FanoutEvent> {

    /** A delivery a queue owes: the message as it must arrive, and what was true when it was published. */
    private record Due(Message message, int step, boolean afterRefusal) {}

    private static final class Sub {
        final SubscriptionConfig config;
        final List<Due> pending = new ArrayList<>();
        final List<String> deadLetters = new ArrayList<>();
        final Set<String> filteredOut = new HashSet<>();
        final Set<String> consumed = new HashSet<>();
        boolean refusing;

        Sub(SubscriptionConfig config) {
            this.config = config;
        }
    }

    private record Accepted(String id, Instant at, Set<String> subscriptions) {}

    private final TopicConfig config;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private final Map<String, Sub> subs = new LinkedHashMap<>();
    private final Map<String, Accepted> dedup = new HashMap<>();
    private final Map<String, Instant> lastDuplicate = new HashMap<>();
    private final Set<String> published = new HashSet<>();
    private final Set<String> duplicates = new HashSet<>();

    FanoutModel(TopicConfig config) {
        this.config = config;
    }

    @Override
    public void apply(FanoutEvent event, Op op) {
        if (event instanceof FanoutEvent.Subscribed e) {
            subs.put(e.subscription(), new Sub(e.config()));
            if (!published.isEmpty()) {
                coverage.add("a subscription made after a publication");
            }
        } else if (event instanceof FanoutEvent.Refused e) {
            subs.get(e.subscription()).refusing = e.refusing();
        } else if (event instanceof FanoutEvent.Published e) {
            published(e);
        } else if (event instanceof FanoutEvent.Consumed e) {
            Sub s = subs.get(e.consumer());
            e.messages().forEach(m -> consumed(e.step(), e.consumer(), s, m));
            if (e.messages().isEmpty()) {
                s.pending.forEach(d -> missing(e.step(), e.consumer(), s, d));
                s.pending.clear();
            }
        } else if (event instanceof FanoutEvent.DeadLetters e) {
            deadLetters(e);
        } else if (event instanceof FanoutEvent.Threw e) {
            anomalies.add(FanoutRule.OPERATION_FAILED.found(e.step(), e.error()));
        }
    }

    private void published(FanoutEvent.Published e) {
        Publication p = e.publication();
        published.add(p.id());
        PublishOutcome expected = PublishOutcome.accepted(p.id());
        String dedupId = null;
        if (config.fifo()) {
            dedupId = p.dedupId() != null ? p.dedupId() : "sha256:" + sha256(p.message());
            Accepted first = dedup.get(dedupId);
            if (first != null && e.at().isBefore(first.at().plus(config.dedupWindow()))) {
                expected = PublishOutcome.duplicateOf(first.id());
                coverage.add("a duplicate inside the window");
                lastDuplicate.put(dedupId, e.at());
                if (!first.subscriptions().containsAll(subs.keySet())) {
                    coverage.add("a duplicate after a new subscription");
                }
            } else {
                if (first != null) {
                    coverage.add("a dedup id reused after its window");
                    Instant duplicate = lastDuplicate.remove(dedupId);
                    if (duplicate != null && e.at().isBefore(duplicate.plus(config.dedupWindow()))) {
                        coverage.add("a dedup id reused after its window but inside a duplicate's");
                    }
                }
                dedup.put(dedupId, new Accepted(p.id(), e.at(), Set.copyOf(subs.keySet())));
            }
        }
        if (!expected.equals(e.answered())) {
            anomalies.add(FanoutRule.DEDUP.found(
                    e.step(),
                    "expected " + expected.status().name().toLowerCase() + " "
                            + expected.messageId() + ", answered "
                            + e.answered().status().name().toLowerCase() + " "
                            + e.answered().messageId()));
        }
        if (expected.status() == PublishOutcome.Status.DUPLICATE) {
            duplicates.add(p.id());
            return;
        }
        boolean refused = false;
        for (Sub s : subs.values()) {
            if (s.config.filter().isPresent()
                    && !FilterModel.matches(s.config.filter().get(), p, coverage)) {
                s.filteredOut.add(p.id());
            } else if (s.refusing) {
                refused = true;
                if (s.config.deadLetterQueue()) {
                    s.deadLetters.add(p.id());
                    coverage.add("a dead letter");
                }
            } else {
                s.pending.add(new Due(message(s.config, p), e.step(), refused));
                if (refused) {
                    coverage.add("a delivery after another subscription refused");
                }
            }
        }
    }

    private Message message(SubscriptionConfig s, Publication p) {
        Map<String, String> headers = new HashMap<>();
        if (s.raw()) {
            p.attributes().forEach((k, v) -> headers.put(k, v.text()));
        }
        return new Message(
                p.id(),
                config.fifo() ? p.groupId() : null,
                null,
                s.raw() ? p.message() : Notification.envelope(config.name(), p),
                headers);
    }

    private void consumed(int step, String name, Sub s, Message m) {
        Due due = s.pending.stream()
                .filter(d -> d.message().id().equals(m.id()))
                .findFirst()
                .orElse(null);
        if (due == null) {
            String who = name + " got " + m.id();
            anomalies.add(
                    s.consumed.contains(m.id())
                            ? FanoutRule.DUPLICATE.found(step, who + " a second time")
                            : s.filteredOut.contains(m.id())
                                    ? FanoutRule.FILTER_MISMATCH.found(
                                            step,
                                            who + ", which its filter "
                                                    + s.config.filter().orElseThrow() + " does not match")
                                    : duplicates.contains(m.id())
                                            ? FanoutRule.DEDUP.found(step, who + ", a duplicate inside the window")
                                            : FanoutRule.UNEXPECTED.found(
                                                    step,
                                                    who + ", which was not due to it: published"
                                                            + " before it subscribed, refused, or never published"));
            return;
        }
        Message want = due.message();
        if (config.fifo()) {
            for (Due d : s.pending) {
                if (d == due) {
                    break;
                }
                if (Objects.equals(d.message().groupId(), want.groupId())) {
                    anomalies.add(FanoutRule.GROUP_REORDERED.found(
                            step,
                            name + " got " + m.id() + " before " + d.message().id() + ", published earlier in group "
                                    + want.groupId()));
                    break;
                }
            }
        }
        if (!want.payload().equals(m.payload())
                || !want.headers().equals(m.headers())
                || !Objects.equals(want.groupId(), m.groupId())) {
            anomalies.add(FanoutRule.MALFORMED.found(
                    step,
                    name + " got " + m.id() + " as " + m.payload() + " "
                            + m.headers() + " group " + m.groupId() + "; expected " + want.payload() + " "
                            + want.headers()
                            + " group " + want.groupId()));
        }
        s.pending.remove(due);
        s.consumed.add(m.id());
    }

    private void deadLetters(FanoutEvent.DeadLetters e) {
        Sub s = subs.get(e.subscription());
        List<String> got = e.messages().stream().map(Message::id).toList();
        for (String id : got) {
            if (!s.deadLetters.contains(id)) {
                anomalies.add(FanoutRule.DEAD_LETTER_WRONG.found(
                        e.step(),
                        e.subscription() + "'s dead-letter queue holds " + id
                                + (s.filteredOut.contains(id)
                                        ? ", which its filter does not match"
                                        : ", which it never refused")));
            }
        }
        for (String id : s.deadLetters) {
            if (!got.contains(id)) {
                anomalies.add(FanoutRule.LOST.found(
                        e.step(), e.subscription() + " refused " + id + ", which is not in its dead-letter queue"));
            }
        }
    }

    /** The queue answered empty, or the run ended, with this delivery still owed: lost, or filtered away. */
    private void missing(int step, String name, Sub s, Due d) {
        anomalies.add((d.afterRefusal() || s.config.filter().isEmpty() ? FanoutRule.LOST : FanoutRule.FILTER_MISMATCH)
                .found(
                        step,
                        name + " never got " + d.message().id() + ", published at step " + d.step()
                                + (d.afterRefusal() ? " while an earlier subscription refused" : "")
                                + s.config
                                        .filter()
                                        .map(f -> ", which its filter " + f + " matches")
                                        .orElse("")));
    }

    @Override
    public void finish(int lastStep) {
        subs.forEach((name, s) -> s.pending.forEach(d -> missing(lastStep, name, s, d)));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
