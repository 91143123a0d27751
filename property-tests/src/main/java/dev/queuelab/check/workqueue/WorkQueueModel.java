package dev.queuelab.check.workqueue;

import static dev.queuelab.check.workqueue.WorkQueueRule.*;

import dev.queuelab.api.Durations;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The simple model: SQS's rules written as plainly as possible, folded over a history one event at a time.
 * At each event it says what a correct queue could have answered, compares every field of the answer with
 * it, records any anomaly, and then follows the implementation, so that one mistake is reported once and
 * not again at every later step.
 *
 * <p>Where SQS leaves a choice (which of several visible messages a receive returns, how many of one FIFO
 * group a batch holds, which receive moves a message past maxReceives to the dead-letter queue), the model
 * accepts every allowed answer and checks only what must hold. A receive does not say what it dead-lettered,
 * so the model learns it from the next look at the dead-letter queue (an observation, or the operator's look
 * before a redrive); until then a message past maxReceives may be in either place.
 */
final class WorkQueueModel implements Model<WorkQueueEvent> {

    private enum Where {
        READY,
        IN_FLIGHT,
        DONE,
        DEAD
    }

    private static final class Msg {
        final Message message;
        long seq; // send order; a redrive sends again
        Instant sentAt;
        int receives;
        Where where = Where.READY;
        Delivery current; // the latest delivery, whose receipt is the good one
        String holder;
        Instant receivedAt;
        Instant deadline;
        boolean deadlineChanged;
        int processed;
        boolean droppedByCrash;
        int ackedAtStep;
        int redrivenAtStep;
        boolean maybeDead; // past maxReceives, visible, and a receive has come since: it may have moved
        int lastSeenStep; // delivered, acked or seen in the dead-letter queue
        int lastDeliveredStep;
        int deadSeenStep; // when an observation first showed it in the dead-letter queue
        Op sentBy; // the send's operation: a receive owes it only once that completed before the receive began
        boolean unconfirmed; // its send never answered: it may not exist, until a delivery shows it does

        Msg(Message message, long seq, Instant sentAt) {
            this.message = message;
            this.seq = seq;
            this.sentAt = sentAt;
        }

        String id() {
            return message.id();
        }
    }

    /** One delivery as the model saw it: of which message (an id can be reused), at which step, which receive. */
    private record Given(Msg msg, int step, int receive) {}

    /**
     * A receive that left out a deliverable message: named once the rest of the history says lost or late,
     * and withdrawn if a receive running beside it (invoked before it completed) turns out to have taken it.
     */
    private record Withheld(int index, Msg msg, int step, String asked, Op by) {}

    /** How the runners name a refusal of an id still in use. */
    static final String ID_REFUSED = "DuplicateMessageIdException";

    private final WorkQueueConfig config;
    private final Instant start;
    private final boolean exactStats;
    private final Map<String, Msg> messages = new LinkedHashMap<>();
    private final Map<String, List<Msg>> groups = new HashMap<>(); // not acked; null: a standard queue's one
    private final Map<String, List<Msg>> retired = new HashMap<>(); // acked messages whose id was reused
    private final Map<Delivery, Given> given = new IdentityHashMap<>();
    private final Set<Delivery> processed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Receipt, Given> receipts = new HashMap<>();
    private final Map<String, Msg> dedupFirst = new HashMap<>();
    private final Map<String, Instant> dedupSince = new HashMap<>();
    private final Map<String, Instant> dedupRetried = new HashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Withheld> withheld = new ArrayList<>();
    private final Set<String> uncertainDedup = new HashSet<>(); // dedup ids of sends that never answered
    private final Set<String> coverage = new TreeSet<>();
    private final List<Integer> redeliveries = new ArrayList<>();
    private final List<Integer> duplicateEffects = new ArrayList<>();
    private QueueStats lastStats = QueueStats.EMPTY;
    private boolean redrivenSinceReceive; // a redrive moved messages and no receive has come since
    private long seq;

    WorkQueueModel(WorkQueueConfig config, Instant start, boolean exactStats) {
        this.config = config;
        this.start = start;
        this.exactStats = exactStats;
    }

    /** What was found, in history order (a withdrawn withheld-message suspicion is not among them). */
    @Override
    public List<Anomaly> anomalies() {
        return anomalies.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The anomaly to report: the first one found, except that wrong statistics give way to the anomaly that
     * explains them (a message that vanished also shows as a wrong count, one step earlier than it is lost).
     */
    @Override
    public Optional<Anomaly> primary() {
        List<Anomaly> found = anomalies();
        return found.stream()
                .filter(a -> !a.name().equals(WRONG_STATS.anomaly()))
                .findFirst()
                .or(() -> found.stream().findFirst());
    }

    /** Wrong statistics are a symptom: the engine looks on for the behaviour that explains them. */
    @Override
    public boolean symptomOnly() {
        return primary().filter(a -> a.name().equals(WRONG_STATS.anomaly())).isPresent();
    }

    /** Labels of the situations this history reached, for the coverage demands. */
    @Override
    public Set<String> coverage() {
        return coverage;
    }

    /** Redeliveries up to and including {@code step}. */
    int redeliveries(int step) {
        return (int) redeliveries.stream().filter(s -> s <= step).count();
    }

    /** Messages processed a second time (a crash after processing, a late ack) up to and including {@code step}. */
    int duplicateEffects(int step) {
        return (int) duplicateEffects.stream().filter(s -> s <= step).count();
    }

    /** Folds one event, produced by {@code op} (sequential in a simulation, overlapping on real threads). */
    @Override
    public void apply(WorkQueueEvent event, Op op) {
        if (event instanceof WorkQueueEvent.Sent e) {
            sent(e, op);
        } else if (event instanceof WorkQueueEvent.Received e) {
            received(e, op);
        } else if (event instanceof WorkQueueEvent.Acked e) {
            acked(e);
        } else if (event instanceof WorkQueueEvent.Changed e) {
            changed(e);
        } else if (event instanceof WorkQueueEvent.Crashed e) {
            crashed(e);
        } else if (event instanceof WorkQueueEvent.Redriven e) {
            redriven(e);
        } else if (event instanceof WorkQueueEvent.Observed e) {
            observed(e);
        } else if (event instanceof WorkQueueEvent.Refused e) {
            refused(e);
        } else if (event instanceof WorkQueueEvent.Threw e) {
            anomalies.add(
                    OPERATION_FAILED.found(e.step(), "the queue threw " + e.error() + " when asked: " + e.action()));
        } else if (event instanceof WorkQueueEvent.Invalid e) {
            anomalies.add(INVALID_ANSWER.found(e.step(), "asked: " + e.action() + "; the queue answered " + e.given()));
        } else if (!(event instanceof WorkQueueEvent.Ticked || event instanceof WorkQueueEvent.Skipped)) {
            throw new IllegalStateException("the model has no rule for " + event + ": a bug in the checker");
        }
    }

    /** After the final drain and observation: every accepted message was acked or dead-lettered (I1, I5). */
    @Override
    public void finish(int step) {
        Set<Msg> named = new HashSet<>();
        for (Withheld w : withheld) {
            Msg m = w.msg();
            if (anomalies.get(w.index()) == null) {
                continue; // withdrawn: a receive beside it took the message
            }
            if (m.where == Where.DEAD && m.deadSeenStep > w.step() && m.lastDeliveredStep <= w.step()) {
                anomalies.set(
                        w.index(),
                        DEAD_LETTER_EARLY.found(
                                w.step(),
                                w.asked() + ", without " + m.id() + ": the receive"
                                        + " moved it to the dead-letter queue after " + m.receives
                                        + " receive(s), but maxReceives is "
                                        + config.maxReceives() + " (the checker found it there at step "
                                        + m.deadSeenStep + ")"));
            } else if (m.lastSeenStep <= w.step()) {
                named.add(w.msg());
                anomalies.set(
                        w.index(),
                        LOST.found(
                                w.step(),
                                w.msg().id() + " was accepted at " + t(w.msg().sentAt)
                                        + " and nothing held it back; " + w.asked() + ", and the queue never offered "
                                        + w.msg().id()
                                        + " again, not even to the checker's final drain: it is gone"));
            }
        }
        for (Msg m : messages.values()) {
            if (m.where == Where.DONE || m.where == Where.DEAD || named.contains(m) || m.unconfirmed) {
                continue; // an unconfirmed send that never showed up may never have happened
            }
            boolean queueStillHoldsSome = lastStats.visible() + lastStats.inFlight() > 0;
            if (m.receives >= config.maxReceives() && queueStillHoldsSome) {
                anomalies.add(DEAD_LETTER_LATE.found(
                        step,
                        m.id() + " was received " + m.receives + " times (maxReceives " + config.maxReceives()
                                + ") and never reached the dead-letter queue, even after the final drain"));
            } else {
                anomalies.add(LOST.found(
                        step,
                        m.id() + " was accepted at " + t(m.sentAt) + "; the final drain never got it"
                                + " and it is not in the dead-letter queue: the queue lost it"));
            }
        }
    }

    private void sent(WorkQueueEvent.Sent e, Op op) {
        if (e.result() == null) {
            unconfirmedSend(e, op);
            return;
        }
        if (config.fifo() && e.message().groupId() == null) {
            anomalies.add(INVALID_ANSWER.found(
                    e.step(),
                    "the send of " + e.message().id() + " without a group was answered \"" + e.answer()
                            + "\", but a FIFO queue refuses it with MissingGroupIdException"));
        }
        Message msg = e.message();
        String dedupId = config.fifo() ? msg.dedupId() : null;
        if (dedupId != null && uncertainDedup.contains(dedupId)) {
            if (!e.result().accepted()) {
                return; // an earlier send of this dedup id never answered: a duplicate of it or not, either is right
            }
            uncertainDedup.remove(dedupId); // accepted: this one is in the queue, whatever the unanswered one did
        }
        Msg first = dedupId == null ? null : dedupFirst.get(dedupId);
        Instant since = dedupId == null ? null : dedupSince.get(dedupId);
        boolean inWindow = first != null && e.at().isBefore(since.plus(config.dedupWindow()));
        String expectedId = inWindow ? first.id() : msg.id();
        if (e.result().accepted() && inWindow) {
            anomalies.add(DEDUP_WINDOW_VIOLATED.found(
                    e.step(),
                    msg.id() + " reuses dedup id " + dedupId + ", first accepted for "
                            + first.id() + " at " + t(since) + "; the window (" + Durations.brief(config.dedupWindow())
                            + ") runs until "
                            + t(since.plus(config.dedupWindow())) + ", yet " + msg.id() + " was accepted at "
                            + t(e.at())));
        } else if (!e.result().accepted() && !inWindow) {
            anomalies.add(DEDUP_WINDOW_VIOLATED.found(
                    e.step(),
                    msg.id() + " was refused as a duplicate at " + t(e.at()) + ", but "
                            + (dedupId == null
                                    ? "it has no dedup id on this queue"
                                    : first == null
                                            ? "no earlier send used dedup id " + dedupId
                                            : "dedup id " + dedupId + " was accepted at " + t(since)
                                                    + " and its window ended at "
                                                    + t(since.plus(config.dedupWindow())))));
        } else if (!Objects.equals(e.result().messageId(), expectedId)) {
            anomalies.add(WRONG_SEND_OUTCOME.found(
                    e.step(),
                    "the send of " + msg.id() + " was " + e.answer() + ", but "
                            + (inWindow
                                    ? "the message it duplicates is " + first.id()
                                    : "the message accepted is " + msg.id())));
        }
        if (!e.result().accepted()) {
            coverage.add("dedup: duplicate refused");
            if (inWindow && first.id().equals(msg.id())) {
                coverage.add("dedup: a retry answered duplicate while the first is " + state(first, e.at()));
            }
            dedupRetried.put(dedupId, e.at());
            return;
        }
        if (!config.fifo() && msg.dedupId() != null) {
            coverage.add("dedup: id ignored on a standard queue");
        }
        if (first != null && !inWindow) {
            coverage.add("dedup: id free again after its window");
            Instant retried = dedupRetried.remove(dedupId);
            if (retried != null && e.at().isBefore(retried.plus(config.dedupWindow()))) {
                coverage.add("dedup: free after the first send's window, though a retry came inside it");
            }
        }
        Msg old = messages.remove(msg.id());
        if (old != null && old.where != Where.DONE && !old.unconfirmed) {
            anomalies.add(ID_IN_USE.found(
                    e.step(),
                    msg.id() + " was accepted at " + t(e.at()) + ", but a message with id " + msg.id() + " (\""
                            + old.message.payload() + "\") is " + state(old, e.at())
                            + ": the send must be refused with DuplicateMessageIdException"));
        }
        if (old != null && old.where == Where.DONE) {
            coverage.add("receipt: id reused after an ack");
            retired.computeIfAbsent(msg.id(), id -> new ArrayList<>()).add(old);
        }
        Msg m = new Msg(msg, seq++, e.at());
        m.sentBy = op;
        messages.put(msg.id(), m);
        inGroup(m);
        if (dedupId != null && !inWindow) {
            dedupFirst.put(dedupId, m);
            dedupSince.put(dedupId, e.at());
        }
    }

    /**
     * A refused send: right for a FIFO message without a group, and for an id still in use (with no dedup id
     * inside its window, which makes a send a DUPLICATE wherever the first is); it enqueues and remembers
     * nothing.
     */
    private void refused(WorkQueueEvent.Refused e) {
        if (e.error().equals(ID_REFUSED)) {
            idRefused(e);
        } else if (!config.fifo() || e.message().groupId() != null) {
            anomalies.add(INVALID_ANSWER.found(
                    e.step(),
                    "the queue refused " + e.message().id() + " with " + e.error() + ", but "
                            + (config.fifo()
                                    ? "it has group " + e.message().groupId()
                                    : "a standard queue needs no group")));
        } else {
            coverage.add(
                    e.message().dedupId() == null
                            ? "fifo: send without a group refused"
                            : "fifo: send without a group refused, with a dedup id");
        }
    }

    private void idRefused(WorkQueueEvent.Refused e) {
        Message msg = e.message();
        String dedupId = config.fifo() ? msg.dedupId() : null;
        if (dedupId != null && uncertainDedup.contains(dedupId)) {
            return; // an earlier send of this dedup id never answered: which message it stands for is unknown
        }
        Msg first = dedupId == null ? null : dedupFirst.get(dedupId);
        Instant since = dedupId == null ? null : dedupSince.get(dedupId);
        Msg old = messages.get(msg.id());
        if (first != null && e.at().isBefore(since.plus(config.dedupWindow()))) {
            anomalies.add(DEDUP_WINDOW_VIOLATED.found(
                    e.step(),
                    msg.id() + " was refused with " + e.error() + " at " + t(e.at()) + ", but dedup id " + dedupId
                            + " was accepted for " + first.id() + " at " + t(since) + " and its window runs until "
                            + t(since.plus(config.dedupWindow())) + ": a send inside the window is answered DUPLICATE"
                            + " of " + first.id() + " whether it is waiting, in flight, acked or dead-lettered"
                            + " (SQS: accepted, not delivered), and " + first.id() + " is " + state(first, e.at())));
        } else if (old == null || (old.where == Where.DONE && !old.unconfirmed)) {
            anomalies.add(ID_IN_USE.found(
                    e.step(),
                    msg.id() + " was refused with " + e.error() + " at " + t(e.at()) + ", but "
                            + (old == null
                                    ? "no message with that id was ever accepted"
                                    : "the message of that id was acked at step " + old.ackedAtStep
                                            + ": its id is free again")));
        } else if (!old.unconfirmed) {
            coverage.add("id: reuse refused while " + state(old, e.at()));
        }
    }

    /** Where a message is, in words: waiting, in flight, acked or dead-lettered. */
    private static String state(Msg m, Instant at) {
        return m.where == Where.DONE
                ? "acked"
                : m.where == Where.DEAD ? "dead-lettered" : inFlight(m, at) ? "in flight" : "waiting";
    }

    /**
     * A send whose answer never came (a timeout, a crash mid-call): the message may be in the queue or not.
     * The model keeps it as unconfirmed: no receive owes it and the final drain may miss it, but once
     * delivered it is a message like any other, held to every rule.
     */
    private void unconfirmedSend(WorkQueueEvent.Sent e, Op op) {
        Message msg = e.message();
        if (config.fifo() && msg.dedupId() != null) {
            uncertainDedup.add(msg.dedupId());
        }
        Msg m = new Msg(msg, seq++, e.at());
        m.sentBy = op;
        m.unconfirmed = true;
        if (messages.putIfAbsent(msg.id(), m) == null) {
            inGroup(m);
        }
        coverage.add("send without an answer");
    }

    private void received(WorkQueueEvent.Received e, Op op) {
        redrivenSinceReceive = false;
        if (e.deliveries().size() > e.max()) {
            anomalies.add(BATCH_OVER_MAX.found(
                    e.step(),
                    e.consumer() + " asked for up to " + e.max() + " and got "
                            + e.deliveries().size() + ": " + e.answer()));
        }
        Set<Msg> batch = new HashSet<>();
        for (Delivery d : e.deliveries()) {
            Msg m = messages.get(d.messageId());
            if (m == null) {
                anomalies.add(UNEXPECTED.found(
                        e.step(), e.consumer() + " received " + d.messageId() + ", which was never accepted"));
                continue;
            }
            m.unconfirmed = false;
            withdrawTakenBeside(m, op);
            checkAnswer(e, d, m);
            checkDelivery(e, m, batch);
            if (m.receives >= 1) {
                redeliveries.add(e.step());
                coverage.add("redelivered after its deadline");
                if (m.droppedByCrash) {
                    coverage.add("redelivered after a crash");
                }
            }
            if (config.fifo() && m.redrivenAtStep > 0) {
                coverage.add("fifo: redriven message delivered in its group");
            }
            m.receives++;
            m.where = Where.IN_FLIGHT;
            m.holder = e.consumer();
            m.receivedAt = e.at();
            m.deadline = e.at().plus(e.visibility());
            m.deadlineChanged = false;
            m.current = d;
            m.droppedByCrash = false;
            m.maybeDead = false;
            m.lastSeenStep = e.step();
            m.lastDeliveredStep = e.step();
            given.put(d, new Given(m, e.step(), m.receives));
            receipts.putIfAbsent(d.receipt(), given.get(d));
            batch.add(m);
        }
        messages.values().stream()
                .filter(m -> waiting(m, e.at(), batch) && m.receives >= config.maxReceives())
                .forEach(m -> m.maybeDead = true);
        if (messages.values().stream()
                        .filter(m -> inFlight(m, e.at()))
                        .map(m -> m.holder)
                        .distinct()
                        .count()
                > 1) {
            coverage.add("competing: two consumers hold messages at once");
        }
        if (config.fifo()
                && batch.stream().map(m -> m.message.groupId()).distinct().count() < batch.size()) {
            coverage.add("fifo: a receive handed out several of one group");
        }
        if (config.fifo() && heldBackByItsGroup(e.at(), batch)) {
            coverage.add("fifo: group held back by its message in flight");
        }
        if (e.deliveries().size() < e.max()) {
            messages.values().stream()
                    .filter(m -> !batch.contains(m) && deliverable(m, e.at(), batch))
                    .filter(m -> !m.unconfirmed && m.sentBy.precedes(op))
                    .findFirst()
                    .ifPresent(w -> withheld(e, w, op, batch));
        }
    }

    /** A receive that overlapped an earlier suspicion and delivered its message: that receive owed nothing. */
    private void withdrawTakenBeside(Msg m, Op op) {
        for (Withheld w : withheld) {
            if (w.msg() == m && anomalies.get(w.index()) != null && w.by().overlaps(op)) {
                anomalies.set(w.index(), null);
            }
        }
    }

    /** Every field of one delivery against what was sent and what the model counts. */
    private void checkAnswer(WorkQueueEvent.Received e, Delivery d, Msg m) {
        String who = e.consumer() + " received " + m.id() + " at " + t(e.at());
        Optional<Msg> ghost = retired.getOrDefault(m.id(), List.of()).stream()
                .filter(o -> o.message.equals(d.message()) && !m.message.equals(d.message())) // a retry is alike
                .findFirst();
        if (ghost.isPresent()) {
            anomalies.add(DUPLICATE_DELIVERY.found(
                    e.step(),
                    who + ", but what came is the earlier message of that id (\""
                            + d.message().payload() + "\"), acked at step " + ghost.get().ackedAtStep
                            + ": a deleted message delivered again"));
        } else if (!d.message().equals(m.message)) {
            anomalies.add(
                    MESSAGE_ALTERED.found(e.step(), who + " as " + d.message() + ", but it was sent as " + m.message));
        }
        if (d.receipt() == null || !m.id().equals(d.receipt().messageId())) {
            anomalies.add(INVALID_ANSWER.found(
                    e.step(), who + " with receipt " + d.receipt() + ", which does not name " + m.id()));
        } else if (receipts.containsKey(d.receipt())) {
            Given earlier = receipts.get(d.receipt());
            anomalies.add(RECEIPT_REUSED.found(
                    e.step(),
                    who + " with receipt " + d.receipt() + ", the same receipt as "
                            + earlier.msg().id() + "'s receive #" + earlier.receive() + " at step " + earlier.step()
                            + ": whoever still holds that old receipt can now ack or hide this delivery"));
        }
        int expected = m.receives + 1;
        if (d.receiveCount() != expected) {
            anomalies.add(WRONG_RECEIVE_COUNT.found(
                    e.step(),
                    who + " with receive count " + d.receiveCount() + ", but this is its receive #" + expected));
        }
    }

    private void checkDelivery(WorkQueueEvent.Received e, Msg m, Set<Msg> batch) {
        String who = e.consumer() + " received " + m.id() + " at " + t(e.at());
        if (m.where == Where.DONE) {
            anomalies.add(DUPLICATE_DELIVERY.found(e.step(), who + ", but it was acked at step " + m.ackedAtStep));
        } else if (m.where == Where.DEAD) {
            anomalies.add(DUPLICATE_DELIVERY.found(e.step(), who + ", but it is in the dead-letter queue"));
        } else if (batch.contains(m)) {
            anomalies.add(DUPLICATE_DELIVERY.found(e.step(), who + " twice in the same batch"));
        } else if (inFlight(m, e.at())) {
            String held = m.holder + " received it at " + t(m.receivedAt);
            anomalies.add(
                    m.deadlineChanged
                            ? EARLY_REDELIVERY.found(
                                    e.step(),
                                    held + " and moved its deadline to " + t(m.deadline) + " with changeVisibility; "
                                            + who + ", before that deadline")
                            : CONCURRENT_DELIVERY.found(
                                    e.step(),
                                    held + ", hidden until " + t(m.deadline) + "; " + who + ", while " + m.holder
                                            + " may still be working on it"));
        }
        if (m.receives >= config.maxReceives()) {
            anomalies.add(DEAD_LETTER_LATE.found(
                    e.step(),
                    who + " (receive #" + (m.receives + 1) + "), but maxReceives is " + config.maxReceives()
                            + ": this receive should have moved it to the dead-letter queue"));
        }
        if (!config.fifo()) {
            return;
        }
        Optional<Msg> busy = sameGroup(m)
                .filter(o -> o != m && !batch.contains(o) && inFlight(o, e.at()))
                .findFirst();
        Optional<Msg> earlier = sameGroup(m)
                .filter(o -> o.seq < m.seq && waitsAhead(o, e.at(), batch))
                .findFirst();
        if (busy.isPresent()) {
            anomalies.add(GROUP_CONCURRENT.found(
                    e.step(),
                    who + " while " + busy.get().id() + " of the same group " + m.message.groupId()
                            + " is in flight with " + busy.get().holder + " until " + t(busy.get().deadline)));
        } else if (earlier.isPresent()) {
            anomalies.add(GROUP_REORDERED.found(
                    e.step(),
                    who + " while " + earlier.get().id() + ", sent before it in group " + m.message.groupId()
                            + ", is still waiting to be delivered"));
        }
    }

    private void withheld(WorkQueueEvent.Received e, Msg w, Op op, Set<Msg> batch) {
        String asked = "at " + t(e.at()) + " " + e.consumer() + " asked for up to " + e.max() + " and got "
                + e.deliveries().size();
        Optional<Msg> blocker = messages.values().stream() // not one this receive handed out: it holds up nothing
                .filter(o -> !batch.contains(o) && inFlight(o, e.at()))
                .findFirst();
        Anomaly found;
        if (w.receives >= 1) {
            found = MISSING_REDELIVERY.found(
                    e.step(),
                    w.id() + " was received by " + w.holder + " at " + t(w.receivedAt) + ", hidden until "
                            + t(w.deadline) + " and never acked; " + asked + ", without " + w.id());
        } else if (blocker.isPresent()) {
            found = POISON_BLOCKS_QUEUE.found(
                    e.step(),
                    w.id() + " has been ready since " + t(w.sentAt) + "; " + asked
                            + ", while " + blocker.get().id() + (config.fifo() ? " (another group)" : "")
                            + " is in flight with "
                            + blocker.get().holder + ": " + w.id() + " waits behind it");
        } else {
            found = WITHHELD.found(
                    e.step(),
                    w.id() + " has been ready since " + t(w.sentAt) + " and nothing holds it back; " + asked
                            + ", without " + w.id() + " (it came later: late, not lost)");
        }
        withheld.add(new Withheld(anomalies.size(), w, e.step(), asked, op));
        anomalies.add(found);
    }

    private void acked(WorkQueueEvent.Acked e) {
        Given g = given.get(e.of());
        if (g == null) {
            return; // an unexpected delivery, reported when it was received
        }
        Msg m = g.msg();
        if (m.maybeDead && m.where == Where.IN_FLIGHT && m.current == e.of() && e.result() == ReceiptOutcome.STALE) {
            m.where = Where.DEAD; // a receive since its deadline moved it to the dead-letter queue
            m.lastSeenStep = e.step();
            coverage.add("dead letters: moved");
        }
        boolean current = m.current == e.of() && m.where == Where.IN_FLIGHT;
        if (processed.add(e.of()) && ++m.processed > 1) { // a receipt twice in one batch is one processing
            duplicateEffects.add(e.step());
        }
        if (e.inBatch() && e.result() == ReceiptOutcome.STALE) {
            coverage.add(
                    m.where == Where.DONE && m.ackedAtStep == e.step()
                            ? "ack batch: a receipt repeated in a batch"
                            : "ack batch: a stale receipt in a batch");
        }
        if (redrivenSinceReceive) {
            coverage.add("dead letters: ack between a redrive and the next receive");
        }
        receiptOutcome(e.step(), e.at(), e.consumer() + " acked " + m.id(), g, e.of(), current, e.result());
        if (e.result() == ReceiptOutcome.ACCEPTED && messages.get(m.id()) == m) {
            m.where = Where.DONE;
            m.ackedAtStep = e.step();
            m.lastSeenStep = e.step();
        }
    }

    private void changed(WorkQueueEvent.Changed e) {
        Given g = given.get(e.of());
        if (g == null) {
            return;
        }
        Msg m = g.msg();
        boolean current = m.current == e.of() && inFlight(m, e.at());
        receiptOutcome(
                e.step(),
                e.at(),
                e.consumer() + " changed the visibility of " + m.id(),
                g,
                e.of(),
                current,
                e.result());
        if (e.result() == ReceiptOutcome.ACCEPTED && current) {
            m.deadline = e.at().plus(e.visibility());
            m.deadlineChanged = true;
            coverage.add(e.visibility().isZero() ? "visibility: given back" : "visibility: extended");
            if (!e.visibility().isZero() && e.at().isAfter(m.receivedAt)) {
                coverage.add("visibility: extended late, counted from the change");
            }
        }
    }

    private void receiptOutcome(
            int step, Instant at, String what, Given g, Delivery of, boolean current, ReceiptOutcome result) {
        Msg m = g.msg();
        String with = what + " at " + t(at) + " with the receipt of receive #" + g.receive();
        if (result == ReceiptOutcome.ACCEPTED && !current) {
            String why = messages.get(m.id()) != m
                    ? m.id() + " was acked long ago, and " + m.id() + " now names a new message"
                    : m.where == Where.DONE
                            ? m.id() + " had already been acked"
                            : m.where == Where.DEAD
                                    ? m.id() + " is in the dead-letter queue"
                                    : m.redrivenAtStep > g.step()
                                            ? m.id() + " was dead-lettered and redriven since (step " + m.redrivenAtStep
                                                    + ")"
                                            : m.current != of
                                                    ? m.id() + " had been delivered again since (receive #" + m.receives
                                                            + ", to " + m.holder + " at " + t(m.receivedAt) + ")"
                                                    : "its visibility deadline " + t(m.deadline) + " had passed";
            anomalies.add(
                    STALE_ACK_ACCEPTED.found(step, with + ", but " + why + ": the queue accepted a stale receipt"));
        } else if (result == ReceiptOutcome.STALE && current && m.deadlineChanged) {
            anomalies.add(EARLY_REDELIVERY.found(
                    step,
                    with + ", the current receipt; the queue refused it: it has already" + " put " + m.id()
                            + " back, before the deadline " + t(m.deadline)
                            + " that the earlier visibility change set"));
        } else if (result == ReceiptOutcome.STALE && current) {
            anomalies.add(ACK_REFUSED.found(
                    step,
                    with + ", the current receipt: "
                            + (inFlight(m, at)
                                    ? m.id() + " is in flight until " + t(m.deadline)
                                    : m.id() + "'s deadline passed at " + t(m.deadline)
                                            + ", but no one has received it since")
                            + "; the queue refused it"));
        } else if (result == ReceiptOutcome.STALE) {
            coverage.add("receipt: stale one refused");
            if (messages.get(m.id()) != m) {
                coverage.add("receipt: stale one for a reused id refused");
            } else if (m.redrivenAtStep > g.step()) {
                coverage.add("receipt: stale one from before a redrive refused");
            }
        }
    }

    private void crashed(WorkQueueEvent.Crashed e) {
        for (Delivery d : e.dropped()) {
            Given g = given.get(d);
            if (g == null) {
                continue;
            }
            g.msg().droppedByCrash = true;
            if (e.processed() && processed.add(d) && ++g.msg().processed > 1) {
                duplicateEffects.add(e.step());
            }
        }
    }

    private void redriven(WorkQueueEvent.Redriven e) {
        List<Msg> dead = resolveDeadLetters(e.step(), e.at(), e.seen());
        if (e.moved() != dead.size()) {
            anomalies.add(WRONG_REDRIVE_COUNT.found(
                    e.step(),
                    "redrive answered " + e.moved() + " moved back, but the" + " dead-letter queue held " + dead.size()
                            + (dead.isEmpty() ? "" : ": " + e.seen())));
        }
        // One place in send order for all it moves: the model does not judge their order among themselves.
        long cohort = seq++;
        for (Msg m : dead) {
            m.where = Where.READY;
            m.receives = 0;
            m.current = null;
            m.maybeDead = false;
            m.seq = cohort;
            m.sentAt = e.at();
            m.redrivenAtStep = e.step();
            messages.remove(m.id());
            messages.put(m.id(), m); // keeps the map in send order
        }
        if (!dead.isEmpty()) {
            coverage.add("dead letters: redriven");
            redrivenSinceReceive = true;
        }
        if (config.fifo() && dead.stream().anyMatch(m -> groupBusy(m, e.at(), Set.of()))) {
            coverage.add("fifo: redrive into a group with a message in flight");
        }
    }

    /** What a look at the dead-letter queue shows: each listed message must be due there, each known one listed. */
    private List<Msg> resolveDeadLetters(int step, Instant at, List<String> listed) {
        Set<String> reported = new HashSet<>(listed);
        listed.forEach(id -> deadLettered(step, at, id));
        for (Msg m : messages.values()) {
            if (m.where == Where.DEAD && !reported.contains(m.id())) {
                anomalies.add(LOST.found(step, m.id() + " was in the dead-letter queue and has vanished from it"));
                m.where = Where.READY; // follow the implementation: it is wherever the queue says
            }
        }
        return messages.values().stream().filter(m -> m.where == Where.DEAD).toList();
    }

    private void observed(WorkQueueEvent.Observed e) {
        resolveDeadLetters(e.step(), e.at(), e.deadLetters());
        lastStats = e.stats();
        QueueStats expected = expectedStats(e.at());
        long unconfirmed = messages.values().stream()
                .filter(m -> m.unconfirmed && m.where == Where.READY)
                .count();
        QueueStats got = e.stats();
        boolean right = unconfirmed == 0
                ? expected.equals(got)
                : got.inFlight() == expected.inFlight()
                        && got.deadLettered() == expected.deadLettered()
                        && got.visible() >= expected.visible()
                        && got.visible() <= expected.visible() + unconfirmed;
        if (exactStats && !right) {
            anomalies.add(WRONG_STATS.found(
                    e.step(),
                    "at " + t(e.at()) + " the queue reports " + brief(e.stats()) + "; it holds " + brief(expected)
                            + (unconfirmed == 0
                                    ? ""
                                    : " and up to " + unconfirmed + " more visible, whose sends never answered")));
        }
    }

    /** The queue shows {@code id} in its dead-letter queue: was it due (I5)? */
    private void deadLettered(int step, Instant at, String id) {
        Msg m = messages.get(id);
        if (m == null || m.where == Where.DONE) {
            anomalies.add(UNEXPECTED.found(
                    step,
                    id + " appeared in the dead-letter queue, but "
                            + (m == null ? "it was never accepted" : "it was acked at step " + m.ackedAtStep)));
        } else if (m.where != Where.DEAD) {
            if (m.receives < config.maxReceives() || inFlight(m, at)) {
                anomalies.add(DEAD_LETTER_EARLY.found(
                        step,
                        id + " moved to the dead-letter queue after " + m.receives
                                + " receive(s)" + (inFlight(m, at) ? ", while " + m.holder + " still held it," : "")
                                + " but maxReceives is " + config.maxReceives()));
            }
            m.where = Where.DEAD;
            m.lastSeenStep = step;
            m.deadSeenStep = step;
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
            } else if (isStored(m) && !m.unconfirmed) { // an unanswered send may hold one more: see observed()
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

    /** Could a correct queue hand this message to the receive at {@code at}, which has handed out {@code batch}? */
    private boolean deliverable(Msg m, Instant at, Set<Msg> batch) {
        if (!waiting(m, at, batch) || m.receives >= config.maxReceives()) {
            return false;
        }
        return !config.fifo()
                || (sameGroup(m).noneMatch(o -> batch.contains(o) || (o.seq < m.seq && waitsAhead(o, at, batch)))
                        && !groupBusy(m, at, batch));
    }

    /**
     * Does this message hold back the later ones of its group? Not once it has used up its receives: the
     * receive that reaches it moves it to the dead-letter queue and goes on with the next (dead-letter-late
     * catches a queue that does not).
     */
    private boolean waitsAhead(Msg m, Instant at, Set<Msg> batch) {
        return waiting(m, at, batch) && m.receives < config.maxReceives() && !m.unconfirmed;
    }

    /** Stored and visible (never received, or its deadline passed), and not handed out by this receive. */
    private static boolean waiting(Msg m, Instant at, Set<Msg> batch) {
        return isStored(m) && !inFlight(m, at) && !batch.contains(m);
    }

    /** A message of m's group is in flight from an earlier receive. */
    private boolean groupBusy(Msg m, Instant at, Set<Msg> batch) {
        return sameGroup(m).anyMatch(o -> o != m && !batch.contains(o) && inFlight(o, at));
    }

    /** Is a waiting message held back by a message of its group in flight from an earlier receive? */
    private boolean heldBackByItsGroup(Instant at, Set<Msg> batch) {
        Set<String> busy = new HashSet<>();
        messages.values().stream()
                .filter(o -> !batch.contains(o) && inFlight(o, at))
                .forEach(o -> busy.add(o.message.groupId()));
        return !busy.isEmpty()
                && messages.values().stream()
                        .anyMatch(m -> waiting(m, at, batch) && busy.contains(m.message.groupId()));
    }

    /** The messages of m's group not acked, in send order (the model's FIFO rules never look at acked ones). */
    private Stream<Msg> sameGroup(Msg m) {
        List<Msg> group = groups.getOrDefault(m.message.groupId(), List.of());
        group.removeIf(o -> o.where == Where.DONE || messages.get(o.id()) != o); // acked, or its id reused since
        return group.stream().sorted(Comparator.comparingLong(o -> o.seq));
    }

    /** Indexes a message by its group, so that a FIFO rule reads its group, not every message sent. */
    private void inGroup(Msg m) {
        groups.computeIfAbsent(m.message.groupId(), g -> new ArrayList<>()).add(m);
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
