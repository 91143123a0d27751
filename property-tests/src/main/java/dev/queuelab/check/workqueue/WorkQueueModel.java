package dev.queuelab.check.workqueue;

import static dev.queuelab.check.workqueue.WorkQueueRule.*;

import dev.queuelab.api.Delivery;
import dev.queuelab.api.Durations;
import dev.queuelab.api.Message;
import dev.queuelab.api.QueueStats;
import dev.queuelab.api.Receipt;
import dev.queuelab.api.ReceiptOutcome;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simple model: SQS's rules written as plainly as possible, folded over a history one event at a time.
 * At each event it says what a correct queue could have answered, compares it with what the implementation
 * did answer, records any anomaly, and then follows the implementation, so that one mistake is reported
 * once and not again at every later step.
 *
 * <p>Where SQS leaves a choice (which of several visible messages a receive returns, when exactly a message
 * past maxReceives is moved), the model accepts every allowed answer and checks only what must hold.
 */
final class WorkQueueModel {

    private enum Where { READY, IN_FLIGHT, DONE, DEAD }

    private static final class Msg {
        final Message message;
        long seq;                             // send order; a redrive sends again
        Instant sentAt;
        int receives;
        Where where = Where.READY;
        Receipt receipt;
        String holder;
        Instant receivedAt;
        Instant deadline;
        boolean deadlineChanged;
        int processed;
        boolean droppedByCrash;
        int ackedAtStep;

        Msg(Message message, long seq, Instant sentAt) {
            this.message = message;
            this.seq = seq;
            this.sentAt = sentAt;
        }

        String id() {
            return message.id();
        }
    }

    private final WorkQueueConfig config;
    private final Instant start;
    private final Map<String, Msg> messages = new LinkedHashMap<>();
    private final Map<String, Msg> dedupFirst = new HashMap<>();
    private final Map<String, Instant> dedupSince = new HashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new TreeSet<>();
    private QueueStats lastStats = QueueStats.EMPTY;
    private long seq;
    private int redeliveries;
    private int duplicateEffects;

    private final boolean checkWithheld;

    WorkQueueModel(WorkQueueConfig config, Instant start, boolean checkWithheld) {
        this.config = config;
        this.start = start;
        this.checkWithheld = checkWithheld;
    }

    List<Anomaly> anomalies() {
        return anomalies;
    }

    /**
     * The anomaly to report: the first one found, except that wrong statistics give way to the anomaly that
     * explains them (a message that vanished also shows as a wrong count, one step earlier than it is lost).
     */
    Optional<Anomaly> primary() {
        return anomalies.stream().filter(a -> !a.name().equals(WRONG_STATS.anomaly())).findFirst()
                .or(() -> anomalies.stream().findFirst());
    }

    /** Labels of the situations this history reached, for the coverage demands. */
    Set<String> coverage() {
        return coverage;
    }

    int redeliveries() {
        return redeliveries;
    }

    int duplicateEffects() {
        return duplicateEffects;
    }

    void apply(Event event) {
        if (event instanceof Event.Sent e) {
            sent(e);
        } else if (event instanceof Event.Received e) {
            received(e);
        } else if (event instanceof Event.Acked e) {
            acked(e);
        } else if (event instanceof Event.Changed e) {
            changed(e);
        } else if (event instanceof Event.Crashed e) {
            crashed(e);
        } else if (event instanceof Event.Redriven e) {
            redriven(e);
        } else if (event instanceof Event.Observed e) {
            observed(e);
        } else if (event instanceof Event.Threw e) {
            anomalies.add(OPERATION_FAILED.found(e.step(), "the queue threw " + e.error() + " when asked: " + e.action()));
        }
    }

    /** After the final drain: every accepted message must have been acked or dead-lettered (I1, I5). */
    void finish(int step) {
        for (Msg m : messages.values()) {
            if (m.where == Where.DONE || m.where == Where.DEAD) {
                continue;
            }
            boolean queueStillHoldsSome = lastStats.visible() + lastStats.inFlight() > 0;
            if (m.receives >= config.maxReceives() && queueStillHoldsSome) {
                anomalies.add(DEAD_LETTER_LATE.found(step, m.id() + " was received " + m.receives + " times (maxReceives "
                        + config.maxReceives() + ") and never reached the dead-letter queue, even after the final drain"));
            } else {
                anomalies.add(LOST.found(step, m.id() + " was accepted at " + t(m.sentAt) + "; the final drain never got it"
                        + " and it is not in the dead-letter queue: the queue lost it"));
            }
        }
    }

    private void sent(Event.Sent e) {
        Message msg = e.message();
        String dedupId = config.fifo() ? msg.dedupId() : null;
        Msg first = dedupId == null ? null : dedupFirst.get(dedupId);
        Instant since = dedupId == null ? null : dedupSince.get(dedupId);
        boolean inWindow = first != null && e.at().isBefore(since.plus(config.dedupWindow()));
        if (e.result().accepted() && inWindow) {
            anomalies.add(DEDUP_WINDOW_VIOLATED.found(e.step(), msg.id() + " reuses dedup id " + dedupId + ", first accepted for "
                    + first.id() + " at " + t(since) + "; the window (" + Durations.brief(config.dedupWindow()) + ") runs until "
                    + t(since.plus(config.dedupWindow())) + ", yet " + msg.id() + " was accepted at " + t(e.at())));
        } else if (!e.result().accepted() && !inWindow) {
            anomalies.add(DEDUP_WINDOW_VIOLATED.found(e.step(), msg.id() + " was refused as a duplicate at " + t(e.at()) + ", but "
                    + (dedupId == null ? "it has no dedup id on this queue"
                    : first == null ? "no earlier send used dedup id " + dedupId
                    : "dedup id " + dedupId + " was accepted at " + t(since) + " and its window ended at "
                    + t(since.plus(config.dedupWindow())))));
        }
        if (!e.result().accepted()) {
            coverage.add("dedup: duplicate refused");
            return;
        }
        if (first != null && !inWindow) {
            coverage.add("dedup: id free again after its window");
        }
        Msg m = new Msg(msg, seq++, e.at());
        messages.put(msg.id(), m);
        if (dedupId != null && !inWindow) {
            dedupFirst.put(dedupId, m);
            dedupSince.put(dedupId, e.at());
        }
    }

    private void received(Event.Received e) {
        e.deadLettered().forEach(id -> deadLettered(e.step(), e.at(), id));   // moved instead of delivered
        Set<String> batch = new HashSet<>();
        for (Delivery d : e.deliveries()) {
            Msg m = messages.get(d.messageId());
            if (m == null) {
                anomalies.add(UNEXPECTED.found(e.step(), e.consumer() + " received " + d.messageId() + ", which was never accepted"));
                continue;
            }
            checkDelivery(e, m);
            if (m.receives >= 1) {
                redeliveries++;
                coverage.add("redelivered after its deadline");
                if (m.droppedByCrash) {
                    coverage.add("redelivered after a crash");
                }
            }
            m.receives++;
            m.where = Where.IN_FLIGHT;
            m.holder = e.consumer();
            m.receivedAt = e.at();
            m.deadline = e.at().plus(e.visibility());
            m.deadlineChanged = false;
            m.receipt = d.receipt();
            m.droppedByCrash = false;
            batch.add(m.id());
        }
        if (messages.values().stream().filter(m -> m.where == Where.IN_FLIGHT && e.at().isBefore(m.deadline))
                .map(m -> m.holder).distinct().count() > 1) {
            coverage.add("competing: two consumers hold messages at once");
        }
        if (config.fifo() && messages.values().stream().anyMatch(m -> m.where == Where.READY && groupBusy(m, e.at()))) {
            coverage.add("fifo: group held back by its message in flight");
        }
        if (checkWithheld && e.deliveries().size() < e.max()) {
            messages.values().stream()
                    .filter(m -> !batch.contains(m.id()) && deliverable(m, e.at()))
                    .findFirst()
                    .ifPresent(w -> withheld(e, w));
        }
    }

    private void checkDelivery(Event.Received e, Msg m) {
        String who = e.consumer() + " received " + m.id() + " at " + t(e.at());
        if (m.where == Where.DONE) {
            anomalies.add(DUPLICATE_DELIVERY.found(e.step(), who + ", but it was acked at step " + m.ackedAtStep));
        } else if (m.where == Where.DEAD) {
            anomalies.add(DUPLICATE_DELIVERY.found(e.step(), who + ", but it is in the dead-letter queue"));
        } else if (m.where == Where.IN_FLIGHT && e.at().isBefore(m.deadline)) {
            String held = m.holder + " received it at " + t(m.receivedAt);
            anomalies.add(m.deadlineChanged
                    ? EARLY_REDELIVERY.found(e.step(), held + " and moved its deadline to " + t(m.deadline)
                            + " with changeVisibility; " + who + ", before that deadline")
                    : CONCURRENT_DELIVERY.found(e.step(), held + ", hidden until " + t(m.deadline) + "; " + who
                            + ", while " + m.holder + " may still be working on it"));
        }
        if (m.receives >= config.maxReceives()) {
            anomalies.add(DEAD_LETTER_LATE.found(e.step(), who + " (receive #" + (m.receives + 1) + "), but maxReceives is "
                    + config.maxReceives() + ": this receive should have moved it to the dead-letter queue"));
        }
        if (!config.fifo()) {
            return;
        }
        Optional<Msg> busy = sameGroup(m).filter(o -> o != m && inFlight(o, e.at())).findFirst();
        Optional<Msg> earlier = sameGroup(m).filter(o -> o.seq < m.seq && waitsAhead(o)).findFirst();
        if (busy.isPresent()) {
            anomalies.add(GROUP_CONCURRENT.found(e.step(), who + " while " + busy.get().id() + " of the same group "
                    + m.message.groupId() + " is in flight with " + busy.get().holder + " until " + t(busy.get().deadline)));
        } else if (earlier.isPresent()) {
            anomalies.add(GROUP_REORDERED.found(e.step(), who + " while " + earlier.get().id() + ", sent before it in group "
                    + m.message.groupId() + ", is still waiting to be delivered"));
        }
    }

    private void withheld(Event.Received e, Msg w) {
        String asked = "at " + t(e.at()) + " " + e.consumer() + " asked for up to " + e.max() + " and got "
                + e.deliveries().size();
        Optional<Msg> blocker = messages.values().stream().filter(o -> inFlight(o, e.at())).findFirst();
        if (w.receives >= 1) {
            anomalies.add(MISSING_REDELIVERY.found(e.step(), w.id() + " was received by " + w.holder + " at " + t(w.receivedAt)
                    + ", hidden until " + t(w.deadline) + " and never acked; " + asked + ", without " + w.id()));
        } else if (blocker.isPresent()) {
            anomalies.add(POISON_BLOCKS_QUEUE.found(e.step(), w.id() + " has been ready since " + t(w.sentAt) + "; " + asked
                    + ", while " + blocker.get().id() + (config.fifo() ? " (another group)" : "") + " is in flight with "
                    + blocker.get().holder + ": " + w.id() + " waits behind it"));
        } else {
            anomalies.add(LOST.found(e.step(), w.id() + " was accepted at " + t(w.sentAt) + " and nothing holds it; " + asked
                    + ": the queue no longer offers " + w.id()));
        }
    }

    private void acked(Event.Acked e) {
        Msg m = messages.get(e.of().messageId());
        if (m == null) {
            return;                           // an unexpected delivery, reported when it was received
        }
        boolean current = m.where == Where.IN_FLIGHT && e.of().receipt().equals(m.receipt);
        if (++m.processed > 1) {
            duplicateEffects++;
        }
        receiptOutcome(e.step(), e.at(), e.consumer() + " acked " + m.id(), m, e.of(), current, e.result());
        if (e.result() == ReceiptOutcome.ACCEPTED) {
            m.where = Where.DONE;
            m.ackedAtStep = e.step();
        }
    }

    private void changed(Event.Changed e) {
        Msg m = messages.get(e.of().messageId());
        if (m == null) {
            return;
        }
        boolean current = inFlight(m, e.at()) && e.of().receipt().equals(m.receipt);
        receiptOutcome(e.step(), e.at(), e.consumer() + " changed the visibility of " + m.id(), m, e.of(), current, e.result());
        if (e.result() == ReceiptOutcome.ACCEPTED) {
            m.deadline = e.at().plus(e.visibility());
            m.deadlineChanged = true;
            coverage.add(e.visibility().isZero() ? "visibility: given back" : "visibility: extended");
        }
    }

    private void receiptOutcome(int step, Instant at, String what, Msg m, Delivery of, boolean current, ReceiptOutcome result) {
        String with = what + " at " + t(at) + " with the receipt of receive #" + of.receiveCount();
        if (result == ReceiptOutcome.ACCEPTED && !current) {
            String why = m.where == Where.DONE ? m.id() + " had already been acked"
                    : m.where == Where.DEAD ? m.id() + " is in the dead-letter queue"
                    : !m.receipt.equals(of.receipt()) ? m.id() + " had been delivered again since (receive #"
                            + m.receives + ", to " + m.holder + " at " + t(m.receivedAt) + ")"
                    : "its visibility deadline " + t(m.deadline) + " had passed";
            anomalies.add(STALE_ACK_ACCEPTED.found(step, with + ", but " + why + ": the queue accepted a stale receipt"));
        } else if (result == ReceiptOutcome.STALE && current && m.deadlineChanged) {
            anomalies.add(EARLY_REDELIVERY.found(step, with + ", the current receipt; the queue refused it: it has already"
                    + " put " + m.id() + " back, before the deadline " + t(m.deadline) + " that the earlier visibility change set"));
        } else if (result == ReceiptOutcome.STALE && current) {
            anomalies.add(ACK_REFUSED.found(step, with + ", the current receipt of a message in flight, and the queue refused it"));
        } else if (result == ReceiptOutcome.STALE) {
            coverage.add("receipt: stale one refused");
        }
    }

    private void crashed(Event.Crashed e) {
        for (Delivery d : e.dropped()) {
            Msg m = messages.get(d.messageId());
            if (m == null) {
                continue;
            }
            m.droppedByCrash = true;
            if (e.processed() && ++m.processed > 1) {
                duplicateEffects++;
            }
        }
    }

    private void redriven(Event.Redriven e) {
        List<Msg> dead = messages.values().stream().filter(m -> m.where == Where.DEAD).toList();
        if (e.moved() != dead.size()) {
            anomalies.add((e.moved() < dead.size() ? LOST : UNEXPECTED).found(e.step(), "redrive moved " + e.moved()
                    + " messages back, but the dead-letter queue held " + dead.size()));
        }
        for (Msg m : dead) {
            m.where = Where.READY;
            m.receives = 0;
            m.receipt = null;
            m.seq = seq++;
            m.sentAt = e.at();
            messages.remove(m.id());
            messages.put(m.id(), m);          // keeps the map in send order
        }
        if (!dead.isEmpty()) {
            coverage.add("dead letters: redriven");
        }
    }

    private void observed(Event.Observed e) {
        Set<String> reported = new HashSet<>(e.deadLetters());
        e.deadLetters().forEach(id -> deadLettered(e.step(), e.at(), id));
        for (Msg m : messages.values()) {
            if (m.where == Where.DEAD && !reported.contains(m.id())) {
                anomalies.add(LOST.found(e.step(), m.id() + " was in the dead-letter queue and has vanished from it"));
                m.where = Where.READY;       // follow the implementation: it is wherever the queue says
            }
        }
        lastStats = e.stats();
        QueueStats expected = expectedStats(e.at());
        if (!expected.equals(e.stats())) {
            anomalies.add(WRONG_STATS.found(e.step(), "at " + t(e.at()) + " the queue reports " + brief(e.stats())
                    + "; it holds " + brief(expected)));
        }
    }

    /** The queue shows {@code id} in its dead-letter queue: was it due (I5)? */
    private void deadLettered(int step, Instant at, String id) {
        Msg m = messages.get(id);
        if (m == null || m.where == Where.DONE) {
            anomalies.add(UNEXPECTED.found(step, id + " appeared in the dead-letter queue, but "
                    + (m == null ? "it was never accepted" : "it was acked at step " + m.ackedAtStep)));
        } else if (m.where != Where.DEAD) {
            if (m.receives < config.maxReceives() || inFlight(m, at)) {
                anomalies.add(DEAD_LETTER_EARLY.found(step, id + " moved to the dead-letter queue after " + m.receives
                        + " receive(s)" + (inFlight(m, at) ? ", while " + m.holder + " still held it," : "")
                        + " but maxReceives is " + config.maxReceives()));
            }
            m.where = Where.DEAD;
            coverage.add("dead letters: moved");
        }
    }

    private QueueStats expectedStats(Instant at) {
        int visible = 0;
        int inFlight = 0;
        int dead = 0;
        Instant oldest = null;
        for (Msg m : messages.values()) {
            if (m.where == Where.DEAD) {
                dead++;
            } else if (isStored(m)) {
                if (inFlight(m, at)) {
                    inFlight++;
                } else {
                    visible++;
                }
                oldest = oldest == null || m.sentAt.isBefore(oldest) ? m.sentAt : oldest;
            }
        }
        return new QueueStats(visible, inFlight, dead, oldest == null ? Duration.ZERO : Duration.between(oldest, at));
    }

    /** Could a correct queue hand this message to a receive at {@code at}? */
    private boolean deliverable(Msg m, Instant at) {
        if (!isStored(m) || inFlight(m, at) || m.receives >= config.maxReceives()) {
            return false;
        }
        return !config.fifo() || (sameGroup(m).noneMatch(o -> o.seq < m.seq && waitsAhead(o)) && !groupBusy(m, at));
    }

    /**
     * Does this message hold back the later ones of its group? Not once it has used up its receives: the
     * receive that reaches it moves it to the dead-letter queue and goes on with the next (dead-letter-late
     * catches a queue that does not).
     */
    private boolean waitsAhead(Msg m) {
        return isStored(m) && m.receives < config.maxReceives();
    }

    private boolean groupBusy(Msg m, Instant at) {
        return sameGroup(m).anyMatch(o -> o != m && inFlight(o, at));
    }

    private java.util.stream.Stream<Msg> sameGroup(Msg m) {
        return messages.values().stream()
                .filter(o -> Objects.equals(o.message.groupId(), m.message.groupId()))
                .sorted(Comparator.comparingLong(o -> o.seq));
    }

    private static boolean isStored(Msg m) {
        return m.where == Where.READY || m.where == Where.IN_FLIGHT;
    }

    private static boolean inFlight(Msg m, Instant at) {
        return m.where == Where.IN_FLIGHT && at.isBefore(m.deadline);
    }

    private String t(Instant at) {
        return "t=" + Durations.brief(Duration.between(start, at));
    }

    private static String brief(QueueStats s) {
        return s.visible() + " visible, " + s.inFlight() + " in flight, " + s.deadLettered() + " dead-lettered, oldest "
                + Durations.brief(s.oldestAge());
    }
}
