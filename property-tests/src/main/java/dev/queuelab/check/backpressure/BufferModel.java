package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a buffer's history by what its clients were told: it keeps its own queue of the messages accepted and not
 * yet delivered or named as dropped, in order, and so its own depth; it holds every poll to that queue's head and
 * the alarm to that depth. It never asks the buffer its depth.
 */
final class BufferModel implements Model<BufferEvent> {

    private final BufferConfig config;
    private final BufferPromise promise;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    /** Accepted and not yet delivered or dropped, oldest first, with the step that accepted each. */
    private final LinkedHashMap<String, Integer> queue = new LinkedHashMap<>();

    /** Offers waiting for space, oldest wait first, with their deadlines. */
    private final LinkedHashMap<String, Instant> waiting = new LinkedHashMap<>();
    /** The step whose clock moved (and which asked the buffer to expire waits), and the time it moved to. */
    private int clockStep = -1;

    private Instant clockAt;
    private final Set<String> delivered = new HashSet<>();
    /** Messages a poll went past, with the step it did: reordered if they come later, lost if they never do. */
    private final Map<String, Integer> skipped = new HashMap<>();

    private int lastRestart = -1;
    private boolean expectRaised;
    private boolean reportedRaised;
    private boolean wasRaisedBefore;
    private int stepOpen = -1;
    private String depthStory = "";

    BufferModel(BufferConfig config, BufferPromise promise) {
        this.config = config;
        this.promise = promise;
    }

    @Override
    public void apply(BufferEvent event, Op op) {
        if (event.step() != stepOpen) {
            closeStep();
            stepOpen = event.step();
        }
        if (event instanceof BufferEvent.Offered o) {
            offered(o);
        } else if (event instanceof BufferEvent.Polled p) {
            polled(p);
        } else if (event instanceof BufferEvent.Clock c) {
            clockStep = c.step();
            clockAt = c.at();
        } else if (event instanceof BufferEvent.Alarm a) {
            reportedRaised = a.raised();
        } else if (event instanceof BufferEvent.Restarted r) {
            lastRestart = r.step();
            if (!queue.isEmpty()) {
                coverage.add("restart holding messages");
            }
            if (!promise.durable()) {
                queue.clear(); // BP5: a store in memory comes back empty, as documented
                skipped.clear();
                depthChanged();
            }
        } else if (event instanceof BufferEvent.Threw t) {
            anomalies.add(BufferRule.OPERATION_FAILED.found(t.step(), t.action() + " threw " + t.error()));
        }
    }

    private void offered(BufferEvent.Offered o) {
        Offer a = o.answerGiven();
        String m = a.message();
        switch (a.kind()) {
            case ACCEPTED -> accept(o.step(), m);
            case ADMITTED -> {
                String first =
                        waiting.isEmpty() ? null : waiting.keySet().iterator().next();
                if (first != null && !first.equals(m) && waiting.containsKey(m)) {
                    anomalies.add(BufferRule.ADMITTED_OUT_OF_TURN.found(
                            o.step(), m + " was admitted while " + first + ", waiting longer, still waits"));
                }
                waiting.remove(m);
                accept(o.step(), m);
            }
            case WAITING -> {
                coverage.add("waited");
                waiting.put(m, o.at().plus(config.timeout()));
            }
            case REFUSED -> {
                coverage.add("dropped");
                if (promise.neverDrops()) {
                    anomalies.add(
                            BufferRule.BLOCK_DROPPED.found(o.step(), m + " was refused at once, not made to wait"));
                }
            }
            case DROPPED_OLDEST -> {
                coverage.add("dropped");
                if (promise.neverDrops()) {
                    anomalies.add(BufferRule.BLOCK_DROPPED.found(o.step(), a.dropped() + " was dropped for " + m));
                }
                String oldest =
                        queue.isEmpty() ? null : queue.keySet().iterator().next();
                if (oldest != null && !oldest.equals(a.dropped()) && queue.containsKey(a.dropped())) {
                    anomalies.add(BufferRule.DROPPED_NOT_OLDEST.found(
                            o.step(), a.dropped() + " was dropped for " + m + " while " + oldest + " was older"));
                }
                if (queue.remove(a.dropped()) == null) {
                    anomalies.add(BufferRule.DUPLICATED.found(
                            o.step(), a.dropped() + " is named as dropped but was not in the buffer"));
                }
                accept(o.step(), m);
            }
            case TIMED_OUT -> {
                coverage.add("timed out");
                Instant deadline = waiting.remove(m);
                if (deadline != null && o.at().isBefore(deadline)) {
                    anomalies.add(BufferRule.GAVE_UP_EARLY.found(
                            o.step(),
                            m + " waited from t=" + secs(deadline.minus(config.timeout())) + " and timed out at t="
                                    + secs(o.at()) + ", before its deadline t=" + secs(deadline) + " (timeout "
                                    + config.timeout().toSeconds() + "s)"));
                }
            }
            case FAILED -> waiting.remove(m);
        }
    }

    private void accept(int step, String m) {
        queue.put(m, step);
        if (promise.bounded() && queue.size() > config.capacity()) {
            anomalies.add(BufferRule.BOUND_EXCEEDED.found(
                    step,
                    m + " was accepted while " + (queue.size() - 1) + " were held: depth " + queue.size()
                            + " > capacity " + config.capacity()));
        }
        if (queue.size() >= config.capacity()) {
            coverage.add("full");
        }
        depthChanged();
    }

    private void polled(BufferEvent.Polled p) {
        String m = p.message();
        if (m == null) {
            if (!queue.isEmpty()) {
                lost(p.step(), "C polled nothing");
                queue.clear();
                depthChanged();
            }
            return;
        }
        if (!queue.containsKey(m)) {
            anomalies.add(BufferRule.DUPLICATED.found(
                    p.step(),
                    delivered.contains(m)
                            ? m + " was delivered a second time"
                            : m + " was delivered but never accepted (or was named as dropped)"));
            return;
        }
        for (Map.Entry<String, Integer> e : queue.entrySet()) {
            if (e.getKey().equals(m)) {
                break;
            }
            skipped.putIfAbsent(e.getKey(), p.step());
        }
        Integer went = skipped.remove(m);
        if (went != null) {
            anomalies.add(BufferRule.REORDERED.found(
                    went, m + " was accepted at step " + queue.get(m) + " and passed over by a later message"));
        }
        queue.remove(m);
        delivered.add(m);
        coverage.add("delivered");
        depthChanged();
    }

    private void lost(int step, String how) {
        boolean restart = queue.values().stream().anyMatch(s -> s < lastRestart);
        String which = String.join(", ", queue.keySet());
        anomalies.add((restart && promise.durable() ? BufferRule.LOST_AT_RESTART : BufferRule.LOST)
                .found(
                        step,
                        how + ", and " + which + (queue.size() == 1 ? " was" : " were")
                                + " accepted, never delivered and never named as dropped"
                                + (restart ? " (the buffer restarted at step " + lastRestart + ")" : "")));
    }

    /** AL1, AL2 as the model's own depth says, change by change. */
    private void depthChanged() {
        int depth = queue.size();
        if (!expectRaised && depth >= config.alarmHigh()) {
            expectRaised = true;
            coverage.add("alarm raised");
        } else if (expectRaised && depth <= config.alarmLow()) {
            expectRaised = false;
            coverage.add("alarm cleared");
        }
        depthStory = "depth is " + depth + " (raise at " + config.alarmHigh() + ", clear at " + config.alarmLow() + ")";
    }

    /** BP4 at the end of a step that moved the clock or restarted the buffer: no wait is left unanswered. */
    private void closeWaits() {
        if (stepOpen >= 0 && stepOpen == clockStep) {
            for (var w : List.copyOf(waiting.entrySet())) {
                if (!w.getValue().isAfter(clockAt)) {
                    anomalies.add(BufferRule.WAITED_PAST_DEADLINE.found(
                            stepOpen,
                            w.getKey() + "'s deadline was t=" + secs(w.getValue()) + "; at t=" + secs(clockAt)
                                    + " the buffer was asked to expire waits and it still waits"));
                    waiting.remove(w.getKey());
                }
            }
        }
        if (stepOpen >= 0 && stepOpen == lastRestart && !waiting.isEmpty()) {
            anomalies.add(BufferRule.WAITER_NOT_ANSWERED.found(
                    stepOpen,
                    String.join(", ", waiting.keySet()) + (waiting.size() == 1 ? " was" : " were")
                            + " waiting when the buffer restarted and " + (waiting.size() == 1 ? "was" : "were")
                            + " never answered FAILED"));
            waiting.clear();
        }
    }

    private void closeStep() {
        closeWaits();
        if (stepOpen >= 0 && expectRaised != reportedRaised) {
            // raised at the step's start: the clearing went wrong (AL2, too early or not at all); clear: the raise
            // (AL1)
            anomalies.add((wasRaisedBefore ? BufferRule.ALARM_CLEARED_WRONG : BufferRule.ALARM_WRONG)
                    .found(
                            stepOpen,
                            depthStory + ": the alarm should be " + (expectRaised ? "raised" : "clear") + ", and it is "
                                    + (reportedRaised ? "raised" : "clear")));
            reportedRaised = expectRaised; // one report per wrong turn
        }
        wasRaisedBefore = reportedRaised;
    }

    private static long secs(Instant at) {
        return at.getEpochSecond() % 86_400;
    }

    @Override
    public void finish(int lastStep) {
        closeStep();
        if (!queue.isEmpty()) {
            lost(lastStep, "the drain polled until nothing came");
        }
    }

    @Override
    public List<Anomaly> anomalies() {
        anomalies.sort(java.util.Comparator.comparingInt(Anomaly::step));
        return anomalies;
    }

    /** A wrong alarm is a symptom when the depth itself is wrong: the loss, duplicate or overflow explains it. */
    @Override
    public java.util.Optional<Anomaly> primary() {
        return anomalies().stream()
                .filter(a -> !a.name().equals(BufferRule.ALARM_WRONG.anomaly()))
                .findFirst()
                .or(() -> anomalies.stream().findFirst());
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }
}
