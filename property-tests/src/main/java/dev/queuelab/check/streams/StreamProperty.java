package dev.queuelab.check.streams;

import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.streams.StreamStep.Ack;
import dev.queuelab.check.streams.StreamStep.AckStray;
import dev.queuelab.check.streams.StreamStep.Add;
import dev.queuelab.check.streams.StreamStep.AutoClaim;
import dev.queuelab.check.streams.StreamStep.Claim;
import dev.queuelab.check.streams.StreamStep.CreateGroup;
import dev.queuelab.check.streams.StreamStep.DeadLetter;
import dev.queuelab.check.streams.StreamStep.IdKind;
import dev.queuelab.check.streams.StreamStep.Pending;
import dev.queuelab.check.streams.StreamStep.PendingRange;
import dev.queuelab.check.streams.StreamStep.Range;
import dev.queuelab.check.streams.StreamStep.Read;
import dev.queuelab.check.streams.StreamStep.ReadOwn;
import dev.queuelab.check.streams.StreamStep.SetId;
import dev.queuelab.check.streams.StreamStep.Stray;
import dev.queuelab.check.streams.StreamStep.Tick;
import dev.queuelab.check.streams.StreamStep.Trim;
import dev.queuelab.check.streams.StreamStep.Trimming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The streams' properties: each weighs the steps toward one part of the contract and aims at its rare situations
 * with templates (an auto id after an explicit one ahead of the clock, an entry acked in one group and pending in
 * the other, a claim at exactly its min-idle, a pending entry whose entry was trimmed, N deliveries then the
 * dead-letter pass). Every invariant is checked in every scenario.
 */
public enum StreamProperty implements Property<StreamSetup, StreamStep, StreamCapabilities> {
    /** RS1 and reads of the stream: ids, refusals, XRANGE at its bounds. */
    IDS(
            "ids",
            Map.of(
                    "an explicit id equal to the last refused", 0.3,
                    "an id below the last refused", 0.25,
                    "0-0 refused", 0.3,
                    "an auto id in the millisecond of the last id", 0.3,
                    "an auto id after an explicit id ahead of the clock", 0.2,
                    "a range from just beside an id", 0.15,
                    "a read cut by its count", 0.3)),
    /** RS3 to RS5, RS8, RS9: groups, > and reads by id, acks, XPENDING, two groups on one stream. */
    GROUPS(
            "groups",
            Map.of(
                    "an entry read by two groups", 0.25,
                    "an entry acked in one group and pending in the other", 0.15,
                    "a new read by a consumer with entries pending", 0.2,
                    "a read by id from one of the reader's own pending ids", 0.06,
                    "an XACK of an id not pending answered 0", 0.15,
                    "SETID moved a group back and a pending entry was delivered anew", 0.1,
                    "a group created at $ after entries", 0.08)),
    /** RS6 to RS8: XCLAIM, XAUTOCLAIM, min-idle, delivery counts, the cursor, XPENDING's IDLE. */
    CLAIMS(
            "claims",
            Map.of(
                    "a claim refused for its min-idle", 0.2,
                    "a claim at exactly its min-idle", 0.2,
                    "an autoclaim cursor stopped before the end", 0.07,
                    "an XPENDING IDLE filter left an entry out", 0.06,
                    "a delivery count of 3 or more", 0.15,
                    "an autoclaim reported a deleted id", 0.07)),
    /** RS2: MAXLEN and MINID, exact, and the pending entries they leave behind. */
    TRIMMING(
            "trimming",
            Map.of(
                    "an entry trimmed by MAXLEN", 0.35,
                    "an entry trimmed by MINID", 0.15,
                    "a pending entry whose entry was trimmed, read as nil", 0.25,
                    "a trimmed pending entry acked", 0.25)),
    /** RS10: the consumers' dead-letter stream after N deliveries. */
    DEAD_LETTERS(
            "dead-letters",
            Map.of(
                    "an entry dead-lettered", 0.3,
                    "a dead-letter pass left an entry with fewer deliveries pending", 0.1));

    private static final int[] TICKS = {1, 500, 1000, 1000, 5000, 10000};
    private static final int[] MIN_IDLE = {0, 1000, 5000, 10000};

    private final String id;
    private final Map<String, Double> coverage;

    StreamProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "streams";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/redis-streams.md";
    }

    @Override
    public boolean appliesTo(StreamCapabilities capabilities) {
        return switch (this) {
            case IDS, GROUPS -> true;
            case CLAIMS -> capabilities.claims();
            case TRIMMING -> capabilities.trimming();
            case DEAD_LETTERS -> capabilities.deadLetters() && capabilities.claims();
        };
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<StreamSetup> simpler(StreamSetup setup) {
        return setup.simpler();
    }

    @Override
    public Scenario<StreamSetup, StreamStep> generate(long seed, StreamCapabilities capabilities) {
        SplittableRandom r = new SplittableRandom(seed);
        StreamSetup setup = new StreamSetup(1 + r.nextInt(3));
        List<StreamStep> steps = new ArrayList<>();
        int n = 3 + r.nextInt(22);
        for (int i = 0; i < n; i++) {
            steps.add(step(r));
        }
        int templates = r.nextInt(10) < 6 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < templates; i++) {
            steps.addAll(r.nextInt(steps.size() + 1), template(r, setup, capabilities));
        }
        // fitted to what the implementation is held to: the draws are the same either way
        List<StreamStep> fitted = new ArrayList<>();
        for (StreamStep s : steps) {
            if (s instanceof Add a && !capabilities.trimming()) {
                fitted.add(new Add(a.id()));
            } else if (!(s instanceof Trim && !capabilities.trimming())
                    && !((s instanceof Claim || s instanceof AutoClaim) && !capabilities.claims())
                    && !(s instanceof DeadLetter && !capabilities.deadLetters())) {
                fitted.add(s);
            }
        }
        return new Scenario<>(setup, fitted);
    }

    /** One step, weighed by the property. */
    private StreamStep step(SplittableRandom r) {
        // add, trim, create, setid, read, read-own, ack, stray, claim, autoclaim, pending, range-pending, xrange,
        // dead-letter, tick
        int[] w = switch (this) {
            case IDS -> new int[] {30, 0, 0, 0, 5, 0, 3, 0, 0, 0, 0, 0, 20, 0, 15};
            case GROUPS -> new int[] {20, 0, 5, 4, 20, 10, 14, 5, 0, 0, 5, 6, 3, 0, 8};
            case CLAIMS -> new int[] {14, 2, 2, 0, 14, 5, 8, 0, 12, 12, 3, 10, 0, 0, 18};
            case TRIMMING -> new int[] {22, 8, 2, 2, 15, 12, 8, 2, 0, 0, 4, 3, 10, 0, 8};
            case DEAD_LETTERS -> new int[] {12, 0, 0, 0, 12, 8, 5, 0, 14, 10, 2, 6, 2, 12, 14};
        };
        int roll = r.nextInt(Arrays.stream(w).sum());
        int kind = 0;
        while (roll >= w[kind]) {
            roll -= w[kind++];
        }
        String g = r.nextInt(10) < 7 ? "g1" : "g2";
        String c = r.nextBoolean() ? "c1" : "c2";
        int count = new int[] {1, 2, 10, 10}[r.nextInt(4)];
        int minIdle = MIN_IDLE[r.nextInt(MIN_IDLE.length)];
        return switch (kind) {
            case 0 -> new Add(idKind(r), this == TRIMMING && r.nextInt(10) < 4 ? trimming(r) : Trimming.NONE);
            case 1 -> new Trim(trimming(r));
            case 2 -> new CreateGroup("g2", r.nextBoolean() ? Bound.MIN : r.nextBoolean() ? Bound.LAST : bound(r));
            case 3 -> new SetId(g, r.nextBoolean() ? Bound.MIN : bound(r));
            case 4 -> new Read(g, c, count);
            case 5 -> new ReadOwn(g, c, r.nextInt(3) == 0 ? Bound.MIN : bound(r), count);
            case 6 -> new Ack(g, c, r.nextInt(3));
            case 7 -> new AckStray(g, Stray.values()[r.nextInt(3)]);
            case 8 -> new Claim(g, c, minIdle, r.nextInt(3));
            case 9 -> new AutoClaim(g, c, minIdle, r.nextInt(3) == 0 ? bound(r) : Bound.MIN, count);
            case 10 -> new Pending(g);
            case 11 ->
                new PendingRange(
                        g,
                        minIdle,
                        r.nextBoolean() ? Bound.MIN : bound(r),
                        r.nextBoolean() ? Bound.MAX : bound(r),
                        count,
                        r.nextInt(3) == 0 ? c : null);
            case 12 -> new Range(r.nextBoolean() ? Bound.MIN : bound(r), r.nextBoolean() ? Bound.MAX : bound(r), count);
            case 13 -> new DeadLetter(g, c);
            default -> new Tick(TICKS[r.nextInt(TICKS.length)]);
        };
    }

    private IdKind idKind(SplittableRandom r) {
        if (this != IDS) {
            return r.nextInt(10) < 9 ? IdKind.AUTO : IdKind.NEXT;
        }
        return new IdKind[] {
                    IdKind.AUTO,
                    IdKind.AUTO,
                    IdKind.AUTO,
                    IdKind.AUTO,
                    IdKind.NEXT,
                    IdKind.AHEAD,
                    IdKind.EQUAL,
                    IdKind.BELOW,
                    IdKind.ZERO
                }
                [r.nextInt(9)];
    }

    private static Bound bound(SplittableRandom r) {
        Bound.Kind kind =
                new Bound.Kind[] {Bound.Kind.AT, Bound.Kind.AT, Bound.Kind.BEFORE, Bound.Kind.AFTER}[r.nextInt(4)];
        return new Bound(kind, new int[] {0, 1, 2, -1, -2}[r.nextInt(5)]);
    }

    private static Trimming trimming(SplittableRandom r) {
        return r.nextBoolean() ? new Trimming(r.nextInt(4), null) : new Trimming(-1, bound(r));
    }

    /** A short run aimed at one of the property's rare situations. */
    private List<StreamStep> template(SplittableRandom r, StreamSetup setup, StreamCapabilities capabilities) {
        int kind = r.nextInt(6);
        return switch (this) {
            case IDS ->
                kind % 3 == 0
                        ? List.of(
                                new Add(IdKind.AHEAD),
                                new Add(IdKind.AUTO),
                                new Add(IdKind.AUTO),
                                new Range(Bound.MIN, Bound.MAX, 10))
                        : kind % 3 == 1
                                ? List.of(
                                        new Add(IdKind.AUTO),
                                        new Add(IdKind.EQUAL),
                                        new Add(IdKind.ZERO),
                                        new Add(IdKind.BELOW),
                                        new Add(IdKind.AUTO))
                                : List.of(
                                        new Add(IdKind.AUTO),
                                        new Tick(1),
                                        new Add(IdKind.AUTO),
                                        new Add(IdKind.AUTO),
                                        new Range(new Bound(Bound.Kind.AFTER, 0), new Bound(Bound.Kind.BEFORE, 2), 10),
                                        new Range(Bound.at(1), Bound.MAX, 1));
            case GROUPS -> groups(kind);
            case CLAIMS -> claims(kind, r, capabilities);
            case TRIMMING ->
                kind % 3 == 0
                        ? List.of(
                                new Add(IdKind.AUTO),
                                new Add(IdKind.AUTO),
                                new Add(IdKind.AUTO),
                                new Add(IdKind.AUTO, new Trimming(2, null)),
                                new Range(Bound.MIN, Bound.MAX, 10))
                        : kind % 3 == 1
                                ? List.of(
                                        new Add(IdKind.AUTO),
                                        new Add(IdKind.AUTO),
                                        new Add(IdKind.AUTO),
                                        new Trim(new Trimming(-1, Bound.at(1))),
                                        new Read("g1", "c1", 10))
                                : List.of(
                                        new Add(IdKind.AUTO),
                                        new Add(IdKind.AUTO),
                                        new Read("g1", "c1", 10),
                                        new Trim(new Trimming(1, null)),
                                        new ReadOwn("g1", "c1", Bound.MIN, 10),
                                        new Ack("g1", "c1", 0));
            case DEAD_LETTERS -> deadLetters(kind, setup);
        };
    }

    private static List<StreamStep> groups(int kind) {
        return switch (kind) {
            case 0 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new CreateGroup("g2", Bound.MIN),
                        new Read("g1", "c1", 10),
                        new Read("g2", "c1", 10),
                        new Ack("g1", "c1", 0),
                        new Pending("g2"));
            case 1 ->
                List.of(new Add(IdKind.AUTO), new Add(IdKind.AUTO), new Read("g1", "c1", 1), new Read("g1", "c1", 1));
            case 2 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Add(IdKind.AUTO),
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new ReadOwn("g1", "c1", Bound.at(kind % 2), 10));
            case 3 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new SetId("g1", Bound.MIN),
                        new Read("g1", "c2", 10),
                        new PendingRange("g1", 0, Bound.MIN, Bound.MAX, 10, null));
            case 4 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Add(IdKind.AUTO),
                        new CreateGroup("g2", Bound.LAST),
                        new Add(IdKind.AUTO),
                        new Read("g2", "c1", 10));
            default ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new Ack("g1", "c1", 0),
                        new AckStray("g1", Stray.ACKED_BEFORE),
                        new AckStray("g1", Stray.NEVER_ADDED));
        };
    }

    private static List<StreamStep> claims(int kind, SplittableRandom r, StreamCapabilities capabilities) {
        int idle = r.nextBoolean() ? 5000 : 1000;
        return switch (kind) {
            case 0, 1 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new Tick(kind == 0 ? idle : idle / 2),
                        new AutoClaim("g1", "c2", idle, Bound.MIN, 10));
            case 2 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new Tick(idle),
                        new Claim("g1", "c2", idle, 0),
                        new ReadOwn("g1", "c2", Bound.MIN, 10),
                        new PendingRange("g1", 0, Bound.MIN, Bound.MAX, 10, null));
            case 3 ->
                capabilities.trimming()
                        ? List.of(
                                new Add(IdKind.AUTO),
                                new Add(IdKind.AUTO),
                                new Read("g1", "c1", 10),
                                new Add(IdKind.AUTO, new Trimming(1, null)),
                                new AutoClaim("g1", "c2", 0, Bound.MIN, 10))
                        : List.of(new Add(IdKind.AUTO), new Read("g1", "c1", 10), new Claim("g1", "c2", 0, 0));
            case 4 ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Add(IdKind.AUTO),
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new AutoClaim("g1", "c2", 0, Bound.MIN, 1),
                        new Tick(1000),
                        new PendingRange("g1", 1000, Bound.MIN, Bound.MAX, 10, null));
            default ->
                List.of(
                        new Add(IdKind.AUTO),
                        new Read("g1", "c1", 10),
                        new Tick(idle),
                        new Claim("g1", "c2", idle, 0),
                        new Tick(idle),
                        new AutoClaim("g1", "c1", idle, Bound.MIN, 10),
                        new PendingRange("g1", 0, Bound.MIN, Bound.MAX, 10, null));
        };
    }

    private static List<StreamStep> deadLetters(int kind, StreamSetup setup) {
        List<StreamStep> out = new ArrayList<>(List.of(new Add(IdKind.AUTO)));
        if (kind % 2 == 0) {
            out.add(new Add(IdKind.AUTO));
        }
        out.add(new Read("g1", "c1", 1));
        for (int i = 1; i < setup.maxDeliveries(); i++) {
            out.add(kind < 3 ? new ReadOwn("g1", "c1", Bound.MIN, 10) : new Claim("g1", "c1", 0, 0));
        }
        if (kind % 2 == 0) {
            out.add(new Read("g1", "c1", 1));
        }
        out.add(new DeadLetter("g1", "c1"));
        return out;
    }
}
