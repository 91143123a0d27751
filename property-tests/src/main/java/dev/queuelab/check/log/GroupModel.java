package dev.queuelab.check.log;

import static dev.queuelab.check.log.LogRule.*;

import dev.queuelab.api.Durations;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The model of consumer group g1: who is a member (joined, not left, session not expired), whose
 * generation is stale (the membership changed since it was assigned), and what the group committed. It
 * judges heartbeats, commits, where a member starts a partition, and who owns what.
 *
 * <p>Generation numbers are the log's to choose; the model demands only what they must mean: after a
 * membership change, every other member's generation is old and refused until it rejoins.
 */
final class GroupModel {

    /** Whether the log may start a member at {@code start} when the group committed {@code committed}. */
    @FunctionalInterface
    interface ResumeRule {
        /** {@code committed} is null when the group committed nothing there; {@code latest}: reset to the end. */
        boolean allowed(int step, int partition, Long committed, long start, Instant at, boolean latest);
    }

    /** A live member: when it last showed it was alive, and whether a rebalance since left its generation old. */
    private static final class Member {
        Instant lastBeat;
        boolean stale;
        boolean refusedSince; // a heartbeat of its old generation was refused, and it did not rejoin

        Member(Instant at) {
            this.lastBeat = at;
        }
    }

    private final LogConfig config;
    private final List<Anomaly> anomalies;
    private final Set<String> coverage;
    private final ResumeRule resume;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private Map<String, List<Integer>> lastSeen; // the shares at the last look at the group, if any
    private int rebalancesSinceSeen;
    private final Map<Integer, Long> committed = new HashMap<>();
    private final Map<String, Instant> expiredWhileStale = new HashMap<>(); // kept heartbeating, never rejoined

    GroupModel(LogConfig config, List<Anomaly> anomalies, Set<String> coverage, ResumeRule resume) {
        this.config = config;
        this.anomalies = anomalies;
        this.coverage = coverage;
        this.resume = resume;
    }

    /** L9: every call first expires the members whose session deadline has come (the deadline itself expires). */
    void expire(LogEvent event) {
        if (event instanceof LogEvent.Ticked
                || event instanceof LogEvent.Skipped
                || event instanceof LogEvent.Crashed) {
            return; // no call to the log: nothing is evaluated
        }
        List<String> gone = new ArrayList<>();
        members.forEach((id, m) -> {
            if (!event.at().isBefore(m.lastBeat.plus(config.sessionTimeout()))) {
                gone.add(id);
            }
        });
        if (!gone.isEmpty()) {
            gone.forEach(id -> {
                Member m = members.remove(id);
                if (m.refusedSince) {
                    expiredWhileStale.put(id, m.lastBeat.plus(config.sessionTimeout()));
                }
            });
            changed(null);
            coverage.add("groups: a session expired");
        }
    }

    /** The membership changed: every member but {@code except} must rejoin before it counts again. */
    private void changed(String except) {
        rebalancesSinceSeen++;
        members.forEach((id, m) -> {
            if (!id.equals(except)) {
                if (!m.stale) {
                    coverage.add("groups: a rebalance while members held partitions");
                }
                m.stale = true;
            }
        });
    }

    boolean apply(LogEvent event) {
        if (event instanceof LogEvent.Joined e) {
            joined(e);
        } else if (event instanceof LogEvent.Left e) {
            if (members.remove(e.member()) != null) {
                changed(null);
            }
        } else if (event instanceof LogEvent.Heartbeat e) {
            heartbeat(e);
        } else if (event instanceof LogEvent.Committed e) {
            commit(e);
        } else {
            return event instanceof LogEvent.Crashed;
        }
        return true;
    }

    private void joined(LogEvent.Joined e) {
        Member m = members.get(e.member());
        if (m == null) {
            members.put(e.member(), new Member(e.at()));
            changed(e.member());
        } else {
            m.stale = false;
            m.refusedSince = false;
            m.lastBeat = e.at();
        }
        expiredWhileStale.remove(e.member());
        e.starts().forEach((p, start) -> {
            Long c = committed.get(p);
            if (!resume.allowed(e.step(), p, c, start, e.at(), e.latest())) {
                anomalies.add(COMMIT_RESUME.found(
                        e.step(),
                        e.consumer() + " was given p" + p + " and starts at " + start + ", but "
                                + (c == null
                                        ? "the group committed nothing there, so it starts at the "
                                                + (e.latest() ? "end" : "log start") + " (auto.offset.reset="
                                                + (e.latest() ? "latest" : "earliest") + ")"
                                        : "the group committed " + c + " (the next offset to read): it would "
                                                + (start > c
                                                        ? "skip " + (start - c) + " record(s)"
                                                        : "process " + (c - start) + " record(s) again"))));
            } else if (c != null && c > 0 && start.equals(c)) {
                coverage.add("groups: resumed from a committed offset");
            } else if (c == null && e.latest()) {
                coverage.add("groups: reset to the latest offset");
            }
        });
    }

    private void heartbeat(LogEvent.Heartbeat e) {
        Member m = members.get(e.member());
        String who = e.consumer() + " (" + e.member() + ", generation " + e.generation() + ") heartbeat at " + t(e);
        if (m == null
                && expiredWhileStale.containsKey(e.member())
                && e.result() != HeartbeatOutcome.UNKNOWN_MEMBER_ID) {
            anomalies.add(STALE_SESSION_KEPT.found(
                    e.step(),
                    who + " and was answered " + e.result() + ", as to a member; but only refused heartbeats of an"
                            + " old generation came from it since its last accepted one, so its session ended at "
                            + t(expiredWhileStale.get(e.member()))
                            + ": the refused heartbeats kept it alive"));
            return;
        }
        if (m != null && m.stale && e.result() != HeartbeatOutcome.OK) {
            m.refusedSince = true;
            coverage.add("groups: a stale member kept going without rejoining");
        }
        if (m == null || m.stale) {
            HeartbeatOutcome expected =
                    m == null ? HeartbeatOutcome.UNKNOWN_MEMBER_ID : HeartbeatOutcome.ILLEGAL_GENERATION;
            if (e.result() == HeartbeatOutcome.OK) {
                anomalies.add(FENCED_ACCEPTED.found(
                        e.step(),
                        who + " and was answered OK, but "
                                + (m == null
                                        ? "it is no longer a member (its session expired, or it left)"
                                        : "the group rebalanced since it was assigned")));
            } else if (e.result() != expected) {
                anomalies.add(INVALID_ANSWER.found(
                        e.step(),
                        who + " and was answered " + e.result() + ", but the code that says" + " why is " + expected));
            }
            return;
        }
        if (e.result() != HeartbeatOutcome.OK) {
            anomalies.add(MEMBER_REFUSED.found(
                    e.step(),
                    who + " and was answered " + e.result() + ", but it is a live member of"
                            + " the current generation (its last heartbeat was "
                            + Durations.brief(Duration.between(m.lastBeat, e.at()))
                            + " ago, the session timeout is " + Durations.brief(config.sessionTimeout()) + ")"));
            return;
        }
        m.lastBeat = e.at();
    }

    private void commit(LogEvent.Committed e) {
        Member m = members.get(e.member());
        String who = e.consumer() + " (" + e.member() + ", generation " + e.generation() + ") committed p"
                + e.partition() + " at " + e.offset() + " at " + t(e);
        if (m == null && expiredWhileStale.containsKey(e.member()) && e.result() != CommitOutcome.UNKNOWN_MEMBER_ID) {
            anomalies.add(STALE_SESSION_KEPT.found(
                    e.step(),
                    who + " and was answered " + e.result() + ", as to a member; but " + e.member() + " sent only"
                            + " refused heartbeats of an old generation since its last accepted one, so its session"
                            + " ended at " + t(expiredWhileStale.get(e.member()))
                            + ": the refused heartbeats kept it alive"));
            return;
        }
        if (m == null || m.stale) {
            CommitOutcome expected = m == null ? CommitOutcome.UNKNOWN_MEMBER_ID : CommitOutcome.ILLEGAL_GENERATION;
            if (e.result() != CommitOutcome.COMMITTED && e.result() != expected) {
                anomalies.add(INVALID_ANSWER.found(
                        e.step(),
                        who + " and was answered " + e.result() + ", but the code that says" + " why is " + expected));
            }
            if (e.result() == CommitOutcome.COMMITTED) {
                anomalies.add(FENCED_ACCEPTED.found(
                        e.step(),
                        who + ", and the log stored it, but "
                                + (m == null
                                        ? "it is no longer a member"
                                        : "the group rebalanced since: the partition may be someone else's now")));
                committed.put(e.partition(), e.offset());
            } else {
                coverage.add("groups: a fenced commit refused");
            }
            return;
        }
        if (e.result() != CommitOutcome.COMMITTED) {
            anomalies.add(MEMBER_REFUSED.found(
                    e.step(),
                    who + " and was answered " + e.result() + ", but it is a live member of"
                            + " the current generation"));
            return;
        }
        committed.put(e.partition(), e.offset());
    }

    /** The log restarted: no member survives it; committed offsets do if they were forced. */
    void restarted(boolean committedKept) {
        members.clear();
        expiredWhileStale.clear();
        if (!committedKept) {
            committed.clear();
        }
    }

    /** L14: offsets a committed transaction sent for g1. */
    void committedByTransaction(Map<Integer, Long> offsets) {
        committed.putAll(offsets);
    }

    /** L8: the log's description of the group: exactly the live members, every partition owned once. */
    void observed(LogEvent.Observed e) {
        if (!e.committed().equals(committed)) {
            anomalies.add(COMMITTED_WRONG.found(
                    e.step(),
                    "at " + t(e) + " the group's committed offsets read " + e.committed()
                            + ", but what was committed is " + new TreeMap<>(committed)));
            committed.clear();
            committed.putAll(e.committed());
            return;
        }
        Map<String, List<Integer>> owners = e.group().assignment();
        Set<String> kept = new TreeSet<>(owners.keySet());
        kept.removeAll(members.keySet());
        if (!kept.isEmpty() && expiredWhileStale.keySet().containsAll(kept)) {
            anomalies.add(STALE_SESSION_KEPT.found(
                    e.step(),
                    "at " + t(e) + " the group's members are " + owners.keySet() + ", but " + kept + " sent only"
                            + " refused heartbeats of an old generation since the last accepted one, and its session"
                            + " has ended: the refused heartbeats kept it alive, holding its partitions"));
            return;
        }
        if (!owners.keySet().equals(new TreeSet<>(members.keySet()))) {
            anomalies.add(SINGLE_OWNER.found(
                    e.step(),
                    "at " + t(e) + " the group's members are " + owners.keySet()
                            + ", but the live ones are " + new TreeSet<>(members.keySet())
                            + " (a member whose session expired, or"
                            + " who left, must own nothing)"));
            return;
        }
        for (Map.Entry<String, Optional<Assignment>> own : e.shares().entrySet()) {
            String id = own.getKey();
            List<Integer> described = owners.get(id);
            Optional<Assignment> a = own.getValue();
            boolean agrees = described == null
                    ? a.isEmpty()
                    : a.isPresent()
                            && a.get().generation() == e.group().generation()
                            && a.get().partitions().equals(described);
            if (!agrees) {
                anomalies.add(ASSIGNMENT_DISAGREES.found(
                        e.step(),
                        "at " + t(e) + " assignment(" + id + ") answers "
                                + a.map(x -> x.partitions() + " in generation " + x.generation())
                                        .orElse("nothing")
                                + ", but describeGroup shows "
                                + (described == null
                                        ? id + " is not a member"
                                        : described + " in generation "
                                                + e.group().generation())));
                return;
            }
        }
        Map<String, List<Integer>> seenBefore = lastSeen;
        int rebalances = rebalancesSinceSeen;
        lastSeen = owners;
        rebalancesSinceSeen = 0;
        if (config.assignor() == Assignor.COOPERATIVE_STICKY) {
            if (!owners.isEmpty() && exactlyOnce(owners)) {
                sticky(e, owners, rebalances == 1 ? seenBefore : null);
            }
        } else if (!owners.isEmpty()
                && exactlyOnce(owners)
                && !owners.equals(shares(new ArrayList<>(new TreeSet<>(members.keySet()))))) {
            Map<String, List<Integer>> expected = shares(new ArrayList<>(owners.keySet()));
            anomalies.add(WRONG_ASSIGNMENT.found(
                    e.step(),
                    "at " + t(e) + " the " + config.assignor() + " shares of "
                            + config.partitions() + " partition(s) over " + expected.keySet() + " are " + expected
                            + ", but the group has "
                            + owners));
            return;
        }
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        owners.forEach((member, ps) -> ps.forEach(
                p -> byPartition.computeIfAbsent(p, x -> new ArrayList<>()).add(member)));
        for (int p = 0; p < config.partitions() && !owners.isEmpty(); p++) {
            List<String> who = byPartition.getOrDefault(p, List.of());
            if (who.size() != 1) {
                anomalies.add(SINGLE_OWNER.found(
                        e.step(),
                        "at " + t(e) + " p" + p + " is owned by "
                                + (who.isEmpty() ? "no member" : String.join(" and ", who)) + " in generation "
                                + e.group().generation() + ": " + owners));
                return;
            }
        }
    }

    /**
     * Cooperative-sticky is held to what it promises rather than to one algorithm: balanced shares (AS2), and,
     * when exactly one rebalance separates this look from the last, as many partitions kept by their old owner
     * as any balanced share could keep: the members that owned the most may keep one over the floor.
     */
    private void sticky(LogEvent.Observed e, Map<String, List<Integer>> owners, Map<String, List<Integer>> before) {
        int floor = config.partitions() / owners.size();
        int extra = config.partitions() % owners.size();
        long over = owners.values().stream().filter(ps -> ps.size() > floor).count();
        if (owners.values().stream().anyMatch(ps -> ps.size() < floor || ps.size() > floor + 1) || over > extra) {
            anomalies.add(WRONG_ASSIGNMENT.found(
                    e.step(),
                    "at " + t(e) + " the cooperative-sticky shares of " + config.partitions() + " partition(s) are "
                            + owners + ": not balanced (each member owns " + floor
                            + (extra == 0 ? "" : " or " + (floor + 1)) + ")"));
            return;
        }
        if (before == null) {
            return;
        }
        int kept = 0;
        int couldKeep = 0;
        int overFloor = 0;
        for (Map.Entry<String, List<Integer>> own : owners.entrySet()) {
            List<Integer> had = before.getOrDefault(own.getKey(), List.of());
            kept += (int) own.getValue().stream().filter(had::contains).count();
            couldKeep += Math.min(had.size(), floor);
            overFloor += had.size() > floor ? 1 : 0;
        }
        couldKeep += Math.min(extra, overFloor);
        if (kept < couldKeep) {
            anomalies.add(WRONG_ASSIGNMENT.found(
                    e.step(),
                    "at " + t(e) + " one rebalance took the group from " + before + " to " + owners + ": " + kept
                            + " partition(s) stayed with their owner, but a balanced share keeps " + couldKeep
                            + " (cooperative-sticky moves only what it must)"));
        } else {
            coverage.add("groups: a sticky rebalance kept partitions in place");
        }
    }

    /** The assignor's shares, written as plainly as possible (members sorted by id). */
    private Map<String, List<Integer>> shares(List<String> sorted) {
        Map<String, List<Integer>> out = new TreeMap<>();
        sorted.forEach(m -> out.put(m, new ArrayList<>()));
        int n = sorted.size();
        if (n == 0) {
            return out;
        }
        if (config.assignor() == dev.queuelab.api.log.Assignor.ROUND_ROBIN) {
            for (int p = 0; p < config.partitions(); p++) {
                out.get(sorted.get(p % n)).add(p); // dealt out in turn
            }
            return out;
        }
        int next = 0;
        for (int i = 0; i < n; i++) {
            int count =
                    config.partitions() / n + (i < config.partitions() % n ? 1 : 0); // the first P % C take one more
            for (int k = 0; k < count; k++) {
                out.get(sorted.get(i)).add(next++);
            }
        }
        return out;
    }

    private boolean exactlyOnce(Map<String, List<Integer>> owners) {
        List<Integer> all =
                owners.values().stream().flatMap(List::stream).sorted().toList();
        return all.size() == config.partitions() && new TreeSet<>(all).size() == config.partitions();
    }

    private static String t(LogEvent e) {
        return t(e.at());
    }

    private static String t(Instant at) {
        return "t=" + Durations.brief(Duration.between(dev.queuelab.api.SimClock.EPOCH, at));
    }
}
