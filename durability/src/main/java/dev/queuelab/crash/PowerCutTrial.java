package dev.queuelab.crash;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import dev.queuelab.reference.log.DurableKafkaLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One power-cut trial: a log on a {@link SimulatedDisk} runs a list of {@link DiskStep}s, lives and dies (a power
 * cut at a step, at a chosen disk operation, or after the last step), and after each open the {@link Judge} holds
 * it to what the client saw: the acknowledgements as each future completed, the commits that returned, the log
 * starts it was served. The same steps and seed always run the same way.
 *
 * Teaches: a crash trial must not trust the code under test. The disk, not the storage, decides what a crash
 * keeps, from what was forced; the judge, not the log, knows what was promised.
 */
final class PowerCutTrial {

    static final Path LOG_DIR = Path.of("/var/queuelab/log");
    static final String GROUP = "trial-group";

    /** The topic of every power-cut trial: 2 partitions, 1 KiB segments (they roll), retention of 600 ms. */
    static final LogConfig CONFIG =
            LogConfig.of(2).withSegmentBytes(1024).withRetentionTime(Duration.ofMillis(600));

    /** How a trial ended: the first rule broken, and its story; or nothing, with the situations it reached. */
    record Outcome(Optional<Judge.Breach> breach, String story, List<String> situations, int lives) {}

    private final DiskSubject subject;
    private final FlushPolicy policy;
    private final long seed;
    private final SimulatedDisk disk = new SimulatedDisk();
    private final SimClock clock = new SimClock();
    private final SimScheduler scheduler = new SimScheduler(clock);
    private final Map<Long, ConsumerRecord> written = new HashMap<>();
    private final Map<Integer, TreeSet<Long>> promised = new TreeMap<>();
    private final Map<Integer, Long> committed = new TreeMap<>();
    private final long[] startSeen = new long[2];
    private final long[] exemptFrom = {Long.MAX_VALUE, Long.MAX_VALUE};
    private final long[] next = new long[2];
    private final long[] acked = {-1, -1};
    private final List<String> story = new ArrayList<>();
    private final List<String> situations = new ArrayList<>();
    private final ForceRace race = new ForceRace();
    private DurableKafkaLog log;
    private Assignment member;
    private ProducerIdAndEpoch producer;
    private final int[] sequence = new int[2];
    private int lives;
    private int lifeStartOp;

    private PowerCutTrial(DiskSubject subject, FlushPolicy policy, long seed) {
        this.subject = subject;
        this.policy = policy;
        this.seed = seed;
    }

    static Outcome run(DiskSubject subject, FlushPolicy policy, long seed, List<DiskStep> steps) {
        return new PowerCutTrial(subject, policy, seed).run(steps);
    }

    private Outcome run(List<DiskStep> steps) {
        disk.createDirectories(LOG_DIR); // the operator's directory, made durable before the log ever runs
        for (Path d = LOG_DIR; d != null; d = d.getParent()) {
            disk.forceDirectory(d);
        }
        Optional<Judge.Breach> breach = open("the log opens on an empty disk");
        for (int i = 0; i < steps.size() && breach.isEmpty(); i++) {
            DiskStep step = steps.get(i);
            story.add((i + 1) + ". " + step);
            try {
                breach = apply(step);
                observe();
            } catch (SimulatedDisk.PowerCut cut) {
                breach = crash(cut.getMessage(), null);
            } catch (RuntimeException e) { // R6: a call that throws is a breach, told, not a crash of the trials
                breach = Optional.of(new Judge.Breach(CrashRule.FAILED, "R6: " + step + " threw " + e));
            }
        }
        if (breach.isEmpty()) {
            breach = crash("the power goes out after the last step", null);
        }
        breach.ifPresent(b -> story.add("   " + b.evidence()));
        return new Outcome(breach, String.join("\n", story), situations, lives);
    }

    private Optional<Judge.Breach> apply(DiskStep step) {
        if (step instanceof DiskStep.Send s) {
            send(s.partition(), s.count());
        } else if (step instanceof DiskStep.Tick t) {
            clock.advance(Duration.ofMillis(t.millis()));
            scheduler.runDue();
        } else if (step instanceof DiskStep.Flush) {
            log.flush();
        } else if (step instanceof DiskStep.Commit c) {
            commit(c.partition());
        } else if (step instanceof DiskStep.CleanRestart) {
            log.close();
            situations.add("a clean shutdown, then more");
            return open("   the log opens again after a clean shutdown");
        } else if (step instanceof DiskStep.PowerCut) {
            return crash("the power goes out", null);
        } else if (step instanceof DiskStep.CutPowerIn c) {
            disk.cutPowerAt(disk.operations().size() + (long) c.operations());
        } else if (step instanceof DiskStep.Transaction t) {
            transaction(t);
        } else if (step instanceof DiskStep.CutPowerBefore c) {
            disk.cutPowerBefore(c.kind(), c.nth());
        } else if (step instanceof DiskStep.Damage d) {
            return crash("the power goes out", d);
        } else if (step instanceof DiskStep.SendDuringForce s) {
            sendDuringForce(s.partition(), s.count());
        }
        return Optional.empty();
    }

    private void send(int p, int count) {
        for (int i = 0; i < count; i++) {
            long o = next[p]++;
            ProducerRecord r = TrialRecords.expected(seed, p, o);
            synchronized (written) {
                written.put(key(p, o), new ConsumerRecord(p, o, clock.instant(), r.key(), r.value(), r.headers()));
            }
            log.send(p, r).thenAccept(a -> acknowledged(a.partition(), a.offset()));
        }
    }

    /** Runs in whichever thread completes the future: the moment the client learns the append is kept. */
    private void acknowledged(int p, long offset) {
        synchronized (written) {
            acked[p] = Math.max(acked[p], offset);
            if (policy.durability().survivesPowerLoss()) {
                promised.computeIfAbsent(p, k -> new TreeSet<>()).add(offset);
            }
        }
    }

    private void commit(int p) {
        long upTo;
        synchronized (written) {
            upTo = acked[p] + 1;
        }
        if (upTo == 0) {
            return;
        }
        CommitOutcome outcome = log.commit(GROUP, member.memberId(), member.generation(), p, upTo);
        if (outcome != CommitOutcome.COMMITTED) {
            member = log.join(GROUP, member.memberId());
            outcome = log.commit(GROUP, member.memberId(), member.generation(), p, upTo);
        }
        if (outcome == CommitOutcome.COMMITTED) {
            committed.put(p, upTo); // the last commit that returned is the one that must survive (R5)
            exemptFrom[p] = Long.MAX_VALUE; // a commit after the damage is held to R4 and R5 again
            situations.add("a commit");
        }
    }

    /**
     * A transaction of one partition. Its appends promise nothing (no future); what is served must be what was
     * written, and its marker takes the offset after them, which no read serves.
     */
    private void transaction(DiskStep.Transaction t) {
        if (producer == null) {
            producer = log.initTransactions("trial-tx");
        }
        if (log.beginTransaction(producer) != TransactionOutcome.BEGUN) {
            return;
        }
        int p = t.partition();
        for (int i = 0; i < t.count(); i++) {
            ProducerRecord r = TrialRecords.expected(seed, p, next[p]);
            AppendOutcome a = log.append(producer, p, sequence[p]++, r);
            if (a.status() != AppendOutcome.Status.APPENDED) {
                throw new IllegalStateException("a transactional append was answered " + a); // R6
            }
            synchronized (written) {
                written.put(key(p, a.offset()), new ConsumerRecord(p, a.offset(), clock.instant(), r.key(), r.value(),
                        r.headers()));
                next[p] = a.offset() + 1;
            }
        }
        synchronized (written) {
            written.put(key(p, next[p]), Judge.MARKER); // before the call: a power cut inside it may keep the marker
        }
        TransactionOutcome end = t.commit() ? log.commitTransaction(producer) : log.abortTransaction(producer);
        synchronized (written) {
            if (end == TransactionOutcome.COMMITTED || end == TransactionOutcome.ABORTED) {
                next[p]++;
                situations.add("a transaction " + (t.commit() ? "committed" : "aborted"));
            } else {
                written.remove(key(p, next[p]));
            }
        }
    }

    /** A flush whose force lets another thread send while it is in flight (appends go on during a force). */
    private void sendDuringForce(int p, int count) {
        disk.duringNextForce(file -> {
            race.start(() -> send(p, count));
            situations.add("appends during a force");
        });
        send(p, 1); // under force each append, the force is this send's, and the other thread waits for its end
        race.join();
        log.flush();
        race.join();
    }

    /** What the client sees after each step: the log start it is served (retention's reach). */
    private void observe() {
        for (int p = 0; p < 2; p++) {
            startSeen[p] = Math.max(startSeen[p], log.logStartOffset(p));
        }
    }

    /** The power cut: the disk keeps what POSIX allows, the log opens again and is judged. */
    private Optional<Judge.Breach> crash(String where, DiskStep.Damage damage) {
        try {
            race.join();
        } catch (RuntimeException alsoDead) {
            // the other thread died of the same power cut, or is judged by what the log kept
        }
        List<SimulatedDisk.Operation> ops = disk.operations();
        int lastDurable = lifeStartOp;
        for (int i = lifeStartOp; i < ops.size(); i++) {
            lastDurable = ops.get(i).durablePoint() ? i + 1 : lastDurable;
        }
        story.add("   " + where + "; since the last force (operation #" + lastDurable + "): "
                + (lastDurable == ops.size() ? "nothing" : ""));
        ops.subList(lastDurable, ops.size()).stream()
                .skip(Math.max(0, ops.size() - lastDurable - 12L))
                .forEach(op -> story.add("     #" + op.number() + " " + op.text()));
        disk.cutPowerAt(ops.size() + 1L);
        List<String> lost = disk.crash(seed * 31 + lives);
        story.add("   the crash keeps what was forced, and of the rest " + (lost.isEmpty() ? "everything" : "loses:"));
        lost.stream().limit(12).forEach(l -> story.add("     " + l));
        if (!lost.isEmpty()) {
            situations.add("a power cut that lost writes");
        }
        scheduler.clear();
        if (damage != null) {
            damage(damage);
        }
        return open("   the log recovers");
    }

    /** Opens the log on the disk (recovering it), judges it, and picks up the client's state from what it serves. */
    private Optional<Judge.Breach> open(String what) {
        lives++;
        try {
            log = DurableKafkaLog.open(
                    subject.disk(disk), LOG_DIR, "orders", CONFIG, policy, clock, scheduler, subject.rules());
        } catch (SimulatedDisk.PowerCut cut) {
            situations.add("a power cut while the log opens");
            return crash(cut.getMessage() + ", while the log opened", null);
        } catch (RuntimeException e) {
            return Optional.of(new Judge.Breach(CrashRule.FAILED, "R6: the log did not open: " + e));
        }
        lifeStartOp = disk.operations().size();
        story.add(what + " (life " + lives + ": partition 0 holds offsets " + log.logStartOffset(0) + " to "
                + (log.highWatermark(0) - 1) + ", partition 1 " + log.logStartOffset(1) + " to "
                + (log.highWatermark(1) - 1) + ")");
        Judge.Verdict v;
        synchronized (written) {
            v = Judge.judge(
                    log,
                    (p, o) -> written.get(key(p, o)),
                    new Judge.Promises(promised, exemptFrom.clone(), startSeen.clone(), committed, GROUP, this::expired));
            for (int p = 0; p < 2; p++) {
                next[p] = log.highWatermark(p); // what was not kept will be written again, anew
                acked[p] = Math.min(acked[p], next[p] - 1);
                int partition = p;
                written.keySet().removeIf(k -> k >> 40 == partition && (k & ((1L << 40) - 1)) >= next[partition]);
            }
        }
        if (!v.clean()) {
            return Optional.of(v.first());
        }
        if (lives > 2) {
            situations.add("three lives or more");
        }
        member = log.join(GROUP, "trial");
        producer = null; // a new process: its producer starts again, with new sequences
        sequence[0] = 0;
        sequence[1] = 0;
        return Optional.empty();
    }

    /** Damages the medium; what the damage takes from the good prefix is no longer promised (exempt from R1, R4, R5). */
    private void damage(DiskStep.Damage d) {
        MediaDamage.Done done = d.kind()
                .apply(disk, LOG_DIR.resolve("orders-" + d.partition()), new java.util.SplittableRandom(d.seed()));
        story.add("   the disk: " + done.description());
        situations.add("damage: " + d.kind().name().toLowerCase().replace('_', ' '));
        if (done.firstTaken() != Long.MAX_VALUE) {
            synchronized (written) {
                TreeSet<Long> ps = promised.get(d.partition());
                if (ps != null) {
                    ps.tailSet(done.firstTaken()).clear();
                }
            }
            exemptFrom[d.partition()] = Math.min(exemptFrom[d.partition()], done.firstTaken());
        }
    }

    /** Retention may have deleted the record at (p, o) by now: it is older than the retention time. */
    private boolean expired(int p, long o) {
        ConsumerRecord r = written.get(key(p, o));
        return r != null && r != Judge.MARKER && !r.timestamp().isAfter(clock.instant().minus(CONFIG.retentionTime()));
    }

    private static long key(int p, long o) {
        return (long) p << 40 | o;
    }
}
