package dev.queuelab.check.streams;

import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.PendingSummary;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import dev.queuelab.check.Rule;
import dev.queuelab.check.streams.StreamMirror.Group;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Judges a history of one stream from the events alone: the {@link StreamMirror} says what every command should
 * have answered (RS1 to RS10), and each answer is compared with it whole. A difference is named by what it shows,
 * the most telling first: an entry delivered again or to the wrong consumer, a claim before its min-idle, an entry
 * gone from the stream or from a PEL, one kept that should be gone, then counts, owners and order.
 */
final class StreamModel implements Model<StreamEvent> {

    /** What kind of answer a list of entries is: it decides how a difference is named. */
    private enum Read {
        NEW,
        OWN,
        CLAIM,
        RANGE
    }

    private final int maxDeliveries;
    private final long precision; // ms a real server's clock may be past the runner's at a call; 0 simulated
    private final StreamMirror m = new StreamMirror();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();

    StreamModel(StreamSetup setup) {
        this(setup, 0);
    }

    StreamModel(StreamSetup setup, long precisionMillis) {
        this.maxDeliveries = setup.maxDeliveries();
        this.precision = precisionMillis;
        m.groups.put(StreamSetup.G1, new Group(StreamId.MIN));
    }

    @Override
    public void apply(StreamEvent event, Op op) {
        long now = event.at().toEpochMilli();
        if (event instanceof StreamEvent.Threw e) {
            found(StreamRule.OPERATION_FAILED, e.step(), "threw " + e.error());
        } else if (event instanceof StreamEvent.Added e) {
            added(e, now);
        } else if (event instanceof StreamEvent.Trimmed e) {
            long expected = m.trim(e.trim()).size();
            label(expected > 0, "an entry trimmed by " + (e.trim().maxLen() >= 0 ? "MAXLEN" : "MINID"));
            check(e.removed() != expected, StreamRule.TRIM_MISCOUNTED, e.step(), "removed " + expected);
        } else if (event instanceof StreamEvent.GroupMoved e) {
            groupMoved(e);
        } else if (event instanceof StreamEvent.Read e) {
            read(e, now);
        } else if (event instanceof StreamEvent.Acked e) {
            Group g = m.groups.containsKey(e.group()) ? group(e.group(), e.step(), e.error()) : null;
            check(
                    g == null && (e.error() != null || e.answered() != 0),
                    StreamRule.ERROR_REPLY,
                    e.step(),
                    "group " + e.group() + " does not exist: Redis's XACK answers 0 (nothing to ack), no error");
            if (g != null) {
                Set<StreamId> strays = new HashSet<>(e.ids());
                strays.removeAll(g.pel.keySet());
                label(!strays.isEmpty(), "an XACK of an id not pending answered 0");
                label(
                        e.ids().stream().anyMatch(m.trimmed::contains) && strays.isEmpty(),
                        "a trimmed pending entry acked");
                long expected = m.ack(g, e.ids());
                other(e.group())
                        .ifPresent(o -> label(
                                e.ids().stream().anyMatch(o.pel::containsKey),
                                "an entry acked in one group and pending in the other"));
                check(
                        e.answered() < expected,
                        StreamRule.PENDING_LOST,
                        e.step(),
                        "XACK found " + e.answered() + " of " + e.ids() + " pending in " + e.group() + ", which holds "
                                + expected + " of them");
                check(e.answered() > expected, StreamRule.ACK_MISCOUNTED, e.step(), "expected " + expected);
            }
        } else if (event instanceof StreamEvent.Claimed e) {
            Group g = group(e.group(), e.step(), e.error());
            if (g != null) {
                Map<StreamId, Long> idle = idle(g, now);
                List<StreamEntry> expected = m.claim(g, e.who(), e.minIdle(), e.ids(), now);
                claimLabels(e.ids(), idle, e.minIdle(), expected, e.who());
                compare(Read.CLAIM, e.step(), g, e.who(), idle, e.minIdle(), null, expected, e.got());
            }
        } else if (event instanceof StreamEvent.AutoClaimedEv e) {
            autoClaimed(e, now);
        } else if (event instanceof StreamEvent.Summary e) {
            summary(e);
        } else {
            observed(event, now);
        }
    }

    private void observed(StreamEvent event, long now) {
        if (event instanceof StreamEvent.PendingRead e) {
            Group g = group(e.group(), e.step(), e.error());
            if (g != null) {
                List<PendingEntry> expected = m.pending(g, e.minIdle(), e.start(), e.end(), e.count(), e.holder(), now);
                label(
                        e.minIdle() > 0
                                && m.pending(g, 0, e.start(), e.end(), e.count(), e.holder(), now)
                                                .size()
                                        > expected.size(),
                        "an XPENDING IDLE filter left an entry out");
                label(expected.stream().anyMatch(p -> p.deliveries() >= 3), "a delivery count of 3 or more");
                pendingLines(e.step(), g, expected, e.got());
            }
        } else if (event instanceof StreamEvent.Ranged e) {
            boolean dead = e.stream().equals(StreamSetup.DEAD);
            List<StreamEntry> expected = m.range(dead ? m.dead : m.entries, e.start(), e.end(), e.count());
            label(
                    !dead
                            && e.start().compareTo(StreamId.MIN) > 0
                            && e.end().compareTo(StreamId.MAX) < 0
                            && !m.entries.isEmpty()
                            && !m.entries.containsKey(e.start()),
                    "a range from just beside an id");
            label(!dead && expected.size() == e.count(), "a read cut by its count");
            if (dead && e.got() != null && !Objects.equals(strip(e.got()), strip(expected))) {
                found(StreamRule.DEAD_LETTER_MISSED, e.step(), "s:dead should hold " + brief(expected));
            } else if (!dead) {
                compare(Read.RANGE, e.step(), null, null, Map.of(), 0, e.start(), expected, e.got());
            }
        } else if (event instanceof StreamEvent.DeadLettered e) {
            Group g = group(e.group(), e.step(), e.error());
            if (g != null) {
                label(
                        g.pel.values().stream().anyMatch(l -> l.owner.equals(e.who()) && l.count < e.max()),
                        "a dead-letter pass left an entry with fewer deliveries pending");
                List<StreamId> expected = m.deadLetter(g, e.who(), e.max(), now);
                label(!expected.isEmpty(), "an entry dead-lettered");
                if (e.moved() == null || e.moved().stream().anyMatch(Objects::isNull)) {
                    found(StreamRule.INVALID_ANSWER, e.step(), "moved " + e.moved());
                } else if (!new HashSet<>(expected).containsAll(e.moved())) {
                    found(StreamRule.DEAD_LETTER_EARLY, e.step(), "only " + expected + " had " + e.max() + "+");
                } else if (!e.moved().equals(expected)) {
                    found(StreamRule.DEAD_LETTER_MISSED, e.step(), "expected " + expected + " moved");
                }
            }
        }
    }

    private void added(StreamEvent.Added e, long now) {
        StreamId expected = m.idFor(e.requested(), now);
        if (precision > 0 && e.requested().equals("*") && e.id() != null && autoWithin(e.id(), now)) {
            expected = e.id(); // the server read its clock during the call: within the precision of now
        }
        label(expected == null && e.requested().equals("0-0"), "0-0 refused");
        label(expected == null && e.requested().equals(m.last.toString()), "an explicit id equal to the last refused");
        label(
                expected == null
                        && !e.requested().equals("0-0")
                        && !e.requested().equals(m.last.toString()),
                "an id below the last refused");
        label(
                expected != null && e.requested().equals("*") && now <= m.last.ms(),
                now < m.last.ms()
                        ? "an auto id after an explicit id ahead of the clock"
                        : "an auto id in the millisecond of the last id");
        if (expected == null && e.error() == null) {
            found(
                    StreamRule.ID_NOT_INCREASING,
                    e.step(),
                    "accepted " + e.id() + " though the stream's last id is " + m.last);
        } else if (expected != null && e.error() != null) {
            found(StreamRule.ADD_REFUSED, e.step(), "the last id is " + m.last + ": " + expected + " is greater");
        } else if (expected != null && !expected.equals(e.id())) {
            found(StreamRule.WRONG_ID, e.step(), "expected " + expected + " (last id " + m.last + ")");
        }
        if (expected != null) {
            m.add(expected, e.fields());
            List<StreamId> gone = m.trim(e.trim());
            label(!gone.isEmpty(), "an entry trimmed by " + (e.trim().maxLen() >= 0 ? "MAXLEN" : "MINID"));
        }
    }

    /** Whether {@code *} makes this id at some instant from {@code now} to {@code now} plus the precision. */
    private boolean autoWithin(StreamId id, long now) {
        return id.ms() >= now && id.ms() <= now + precision && id.equals(StreamMirror.auto(m.last, id.ms()))
                || now <= m.last.ms() && id.equals(StreamMirror.auto(m.last, now));
    }

    private void groupMoved(StreamEvent.GroupMoved e) {
        Group g = m.groups.get(e.group());
        boolean refused = e.set() ? g == null : g != null;
        if (refused != (e.error() != null)) {
            found(StreamRule.ERROR_REPLY, e.step(), refused ? "Redis answers an error here" : "Redis answers OK");
        }
        if (refused) {
            return;
        }
        StreamId at = m.position(e.start());
        label(!e.set() && e.start().equals("$") && !m.entries.isEmpty(), "a group created at $ after entries");
        if (e.set()) {
            g.lastDelivered = at;
        } else {
            m.groups.put(e.group(), new Group(at));
        }
    }

    private void read(StreamEvent.Read e, long now) {
        Group g = group(e.group(), e.step(), e.error());
        if (g == null) {
            return;
        }
        Map<StreamId, Long> idle = idle(g, now);
        boolean holds = g.pel.values().stream().anyMatch(l -> l.owner.equals(e.who()));
        if (e.after() == null) {
            Set<StreamId> before = Set.copyOf(g.pel.keySet());
            List<StreamEntry> expected = m.readNew(g, e.who(), e.count(), now);
            label(holds && !expected.isEmpty(), "a new read by a consumer with entries pending");
            label(
                    expected.stream().anyMatch(x -> before.contains(x.id())),
                    "SETID moved a group back and a pending entry was delivered anew");
            label(expected.size() == e.count() && e.count() < 10, "a read cut by its count");
            other(e.group())
                    .ifPresent(o -> label(
                            expected.stream().anyMatch(x -> o.delivered.contains(x.id())),
                            "an entry read by two groups"));
            compare(Read.NEW, e.step(), g, e.who(), idle, 0, null, expected, e.got());
        } else {
            List<StreamEntry> expected = m.readOwn(g, e.who(), e.after(), e.count(), now);
            label(
                    g.pel.containsKey(e.after()) && g.pel.get(e.after()).owner.equals(e.who()) && !expected.isEmpty(),
                    "a read by id from one of the reader's own pending ids");
            label(
                    expected.stream().anyMatch(StreamEntry::deleted),
                    "a pending entry whose entry was trimmed, read as nil");
            compare(Read.OWN, e.step(), g, e.who(), idle, 0, e.after(), expected, e.got());
        }
    }

    private void autoClaimed(StreamEvent.AutoClaimedEv e, long now) {
        Group g = group(e.group(), e.step(), e.error());
        if (g == null) {
            return;
        }
        Map<StreamId, Long> idle = idle(g, now);
        List<StreamId> scanned = new ArrayList<>(g.pel.tailMap(e.start(), true).keySet());
        StreamMirror.Auto expected = m.autoClaim(g, e.who(), e.minIdle(), e.start(), e.count(), now);
        claimLabels(scanned, idle, e.minIdle(), expected.claimed(), e.who());
        label(!expected.deleted().isEmpty(), "an autoclaim reported a deleted id");
        label(!expected.next().equals(StreamId.MIN), "an autoclaim cursor stopped before the end");
        AutoClaimed got = e.got();
        if (got == null || got.next() == null) {
            found(StreamRule.INVALID_ANSWER, e.step(), "answered " + got);
            return;
        }
        Set<StreamId> wrongly = new HashSet<>(got.deleted());
        wrongly.removeAll(expected.deleted());
        if (wrongly.stream().anyMatch(m.entries::containsKey)) {
            found(StreamRule.LOST, e.step(), "reported gone " + wrongly + ", which the stream holds");
            return;
        }
        if (compare(Read.CLAIM, e.step(), g, e.who(), idle, e.minIdle(), null, expected.claimed(), got.claimed())) {
            return;
        }
        if (!got.deleted().equals(expected.deleted())) {
            found(StreamRule.DELETED_UNREPORTED, e.step(), "expected deleted " + expected.deleted());
        } else if (!got.next().equals(expected.next())) {
            found(StreamRule.WRONG_CURSOR, e.step(), "expected next " + expected.next());
        }
    }

    private void claimLabels(
            List<StreamId> ids, Map<StreamId, Long> idle, long minIdle, List<StreamEntry> claimed, String who) {
        label(
                ids.stream()
                        .anyMatch(id -> idle.containsKey(id) && idle.get(id) < minIdle && m.entries.containsKey(id)),
                "a claim refused for its min-idle");
        label(
                minIdle > 0 && claimed.stream().anyMatch(x -> idle.get(x.id()) == minIdle),
                "a claim at exactly its min-idle");
        label(!claimed.isEmpty(), "an entry claimed");
    }

    private void summary(StreamEvent.Summary e) {
        Group g = group(e.group(), e.step(), e.error());
        if (g == null) {
            return;
        }
        PendingSummary got = e.got();
        if (got == null) {
            found(StreamRule.INVALID_ANSWER, e.step(), "answered null");
            return;
        }
        long count = g.pel.size();
        Map<String, Long> holders = m.holders(g);
        String evidence = "the PEL holds " + count + " " + g.pel.keySet() + " held by " + holders;
        if (got.count() < count) {
            found(StreamRule.PENDING_LOST, e.step(), evidence);
        } else if (got.count() > count) {
            found(StreamRule.PENDING_KEPT, e.step(), evidence);
        } else if (!got.consumers().equals(holders)) {
            found(StreamRule.WRONG_OWNER, e.step(), evidence);
        } else if (count > 0
                && (!g.pel.firstKey().equals(got.smallest()) || !g.pel.lastKey().equals(got.greatest()))) {
            found(StreamRule.PENDING_LOST, e.step(), evidence);
        }
    }

    private void pendingLines(int step, Group g, List<PendingEntry> expected, List<PendingEntry> got) {
        if (got == null || got.stream().anyMatch(Objects::isNull)) {
            found(StreamRule.INVALID_ANSWER, step, "answered " + got);
            return;
        }
        Map<StreamId, PendingEntry> want = new java.util.LinkedHashMap<>();
        expected.forEach(p -> want.put(p.id(), p));
        for (PendingEntry p : got) {
            PendingEntry w = want.get(p.id());
            if (w == null) {
                Rule r = g.acked.contains(p.id()) && !g.pel.containsKey(p.id())
                        ? StreamRule.PENDING_KEPT
                        : g.pel.containsKey(p.id()) ? StreamRule.OUT_OF_RANGE : StreamRule.UNEXPECTED;
                found(r, step, p.id() + " is not among " + want.keySet());
                return;
            }
        }
        Set<StreamId> gotIds = new HashSet<>();
        got.forEach(p -> gotIds.add(p.id()));
        for (PendingEntry w : expected) {
            if (!gotIds.contains(w.id())) {
                found(StreamRule.PENDING_LOST, step, w.id() + " is pending with " + w.consumer() + ", missing");
                return;
            }
        }
        for (PendingEntry p : got) {
            PendingEntry w = want.get(p.id());
            if (!w.consumer().equals(p.consumer())) {
                found(StreamRule.WRONG_OWNER, step, w.id() + " is " + w.consumer() + "'s");
            } else if (w.deliveries() != p.deliveries()) {
                found(StreamRule.WRONG_COUNT, step, w.id() + " was delivered " + w.deliveries() + " times");
            } else if (Math.abs(w.idleMillis() - p.idleMillis()) > precision) {
                found(StreamRule.WRONG_IDLE, step, w.id() + " is idle " + w.idleMillis() + " ms");
            } else {
                continue;
            }
            return;
        }
        if (!expected.stream()
                .map(PendingEntry::id)
                .toList()
                .equals(got.stream().map(PendingEntry::id).toList())) {
            found(StreamRule.OUT_OF_ORDER, step, "expected " + want.keySet());
        }
    }

    /**
     * Compares a list of entries with what the mirror computed and names the first difference by what it shows;
     * true when it found one.
     */
    private boolean compare(
            Read kind,
            int step,
            Group g,
            String who,
            Map<StreamId, Long> idle,
            long minIdle,
            StreamId after,
            List<StreamEntry> expected,
            List<StreamEntry> got) {
        if (got == null
                || got.stream().anyMatch(Objects::isNull)
                || got.stream().anyMatch(x -> x.id() == null)) {
            return found(StreamRule.INVALID_ANSWER, step, "answered " + got);
        }
        Map<StreamId, StreamEntry> want = new java.util.LinkedHashMap<>();
        expected.forEach(x -> want.put(x.id(), x));
        Set<StreamId> gotIds = new HashSet<>();
        got.forEach(x -> gotIds.add(x.id()));
        String evidence = "expected " + brief(expected);
        for (StreamEntry x : got) {
            if (want.containsKey(x.id())) {
                continue;
            }
            StreamMirror.Line line = g == null ? null : g.pel.get(x.id());
            if (kind == Read.OWN && line != null && !line.owner.equals(who)) {
                return found(StreamRule.FOREIGN_PENDING, step, x.id() + " is " + line.owner + "'s; " + evidence);
            }
            if (kind == Read.NEW && g.delivered.contains(x.id())) {
                return found(
                        StreamRule.REDELIVERED,
                        step,
                        x.id() + " was delivered to " + groupName(g) + " before; " + evidence);
            }
            if (kind == Read.OWN && line != null && after != null && x.id().compareTo(after) <= 0) {
                return found(StreamRule.OUT_OF_RANGE, step, x.id() + " is not after " + after + "; " + evidence);
            }
            if (kind == Read.CLAIM && line != null && idle.getOrDefault(x.id(), 0L) < minIdle) {
                return found(
                        StreamRule.CLAIMED_TOO_SOON,
                        step,
                        x.id() + " was idle " + idle.get(x.id()) + " ms, under min-idle " + minIdle + " ms");
            }
        }
        for (StreamEntry w : expected) {
            StreamEntry x =
                    got.stream().filter(y -> y.id().equals(w.id())).findFirst().orElse(null);
            boolean gone = x == null ? (kind == Read.NEW || kind == Read.RANGE) : x.deleted() && !w.deleted();
            if (gone && !w.deleted()) {
                return found(
                        StreamRule.LOST,
                        step,
                        w.id() + " " + w.fields().get("m")
                                + " is in the stream but the answer " + (x == null ? "left it out" : "says it is gone")
                                + "; "
                                + evidence);
            }
        }
        for (StreamEntry w : expected) {
            if (!gotIds.contains(w.id())) {
                return found(
                        StreamRule.PENDING_LOST, step, w.id() + " is pending in " + groupName(g) + "; " + evidence);
            }
        }
        for (StreamEntry x : got) {
            if (!want.containsKey(x.id())) {
                boolean acked = g != null && g.acked.contains(x.id()) && !g.pel.containsKey(x.id());
                Rule r = acked
                        ? StreamRule.PENDING_KEPT
                        : m.trimmed.contains(x.id()) ? StreamRule.KEPT_PAST_TRIM : StreamRule.UNEXPECTED;
                return found(r, step, x.id() + " should not be in this answer; " + evidence);
            }
            StreamEntry w = want.get(x.id());
            if (w.deleted() && !x.deleted()) {
                return found(StreamRule.KEPT_PAST_TRIM, step, x.id() + " was trimmed; " + evidence);
            }
            if (!Objects.equals(w.fields(), x.fields())) {
                return found(StreamRule.ALTERED, step, evidence);
            }
        }
        if (!expected.stream()
                .map(StreamEntry::id)
                .toList()
                .equals(got.stream().map(StreamEntry::id).toList())) {
            return found(StreamRule.OUT_OF_ORDER, step, evidence);
        }
        return false;
    }

    private Group group(String name, int step, String error) {
        Group g = m.groups.get(name);
        if (g == null && error == null) {
            found(StreamRule.ERROR_REPLY, step, "group " + name + " does not exist: Redis answers NOGROUP");
        } else if (g != null && error != null) {
            found(StreamRule.ERROR_REPLY, step, "group " + name + " exists: Redis answers, not " + error);
            return null;
        }
        return g;
    }

    private java.util.Optional<Group> other(String group) {
        return java.util.Optional.ofNullable(
                m.groups.get(group.equals(StreamSetup.G1) ? StreamSetup.G2 : StreamSetup.G1));
    }

    private String groupName(Group g) {
        return m.groups.entrySet().stream()
                .filter(e -> e.getValue() == g)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("?");
    }

    private static Map<StreamId, Long> idle(Group g, long now) {
        Map<StreamId, Long> out = new java.util.HashMap<>();
        g.pel.forEach((id, l) -> out.put(id, now - l.at));
        return out;
    }

    /** The dead-letter stream's entries without their ids (made by * at each move). */
    private static List<Map<String, String>> strip(List<StreamEntry> entries) {
        return entries.stream().map(e -> e == null ? null : e.fields()).toList();
    }

    private static String brief(List<StreamEntry> entries) {
        return StreamEvent.entries(entries);
    }

    private void label(boolean reached, String situation) {
        if (reached) {
            coverage.add(situation);
        }
    }

    private void check(boolean broken, Rule rule, int step, String evidence) {
        if (broken) {
            found(rule, step, evidence);
        }
    }

    private boolean found(Rule rule, int step, String evidence) {
        anomalies.add(rule.found(step, evidence));
        return true;
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
