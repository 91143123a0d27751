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
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Trial;
import dev.queuelab.reference.log.DurableKafkaLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One power-cut trial: a log on a {@link SimulatedDisk} runs a list of {@link DiskStep}s, lives and dies (a power
 * cut at a step, at a chosen disk operation, or after the last step), and after each open the {@link Judge} holds
 * it to what the client saw: the acknowledgements as each future completed, the commits that returned, the log
 * starts it was served. The same steps and seed always run the same way.
 *
 * A trial in the engine's sense ({@link Trial}): its outcome names the anomaly of the rule broken first, the
 * situations it reached, and its story.
 *
 * Teaches: a crash trial must not trust the code under test. The disk, not the storage, decides what a crash
 * keeps, from what was forced; the judge, not the log, knows what was promised.
 */
final class PowerCutTrial {

    static final Path LOG_DIR = Path.of("/var/queuelab/log");
    static final String GROUP = "trial-group";

    /** The topic of every power-cut trial: 2 partitions, 1 KiB segments (they roll), retention of 600 ms. */
    static final LogConfig CONFIG = LogConfig.of(2).withSegmentBytes(1024).withRetentionTime(Duration.ofMillis(600));

    /** How a trial ended: the first rule broken, and its story; or nothing, with the situations it reached. */
    record Outcome(Optional<dev.queuelab.crash.Judge.Breach> breach, String story, List<String> situations, int lives)
            implements Trial {

        /** The breach in the engine's words: the rule's anomaly, the rule, the evidence. */
        @Override
        public Optional<Anomaly> anomaly() {
            return breach.map(b -> new Anomaly(b.rule().anomaly(), b.rule().rule(), b.evidence(), 0));
        }

        @Override
        public boolean symptomOnly() {
            return false;
        }

        @Override
        public Set<String> coverage() {
            return new TreeSet<>(situations);
        }

        @Override
        public String story(String header, int originalSteps) {
            return header + "\n" + story;
        }
    }

    private final DiskSubject subject;
    private final FlushPolicy policy;
    private final long seed;
    private final SimulatedDisk disk = new SimulatedDisk();
    private final SimClock clock = new SimClock();
    private final SimScheduler scheduler = new SimScheduler(clock);
    private final ClientPromises client;
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
        this.client = new ClientPromises(policy.durability().survivesPowerLoss(), CONFIG.retentionTime());
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
            ProducerRecord r = TrialRecords.expected(seed, p, client.next(p));
            client.wrote(new ConsumerRecord(p, client.next(p), clock.instant(), r.key(), r.value(), r.headers()));
            log.send(p, r).thenAccept(a -> client.acknowledged(a.partition(), a.offset()));
        }
    }

    private void commit(int p) {
        long upTo = client.commitPoint(p);
        if (upTo == 0) {
            return;
        }
        CommitOutcome outcome = log.commit(GROUP, member.memberId(), member.generation(), p, upTo);
        if (outcome != CommitOutcome.COMMITTED) {
            member = log.join(GROUP, member.memberId());
            outcome = log.commit(GROUP, member.memberId(), member.generation(), p, upTo);
        }
        if (outcome == CommitOutcome.COMMITTED) {
            client.committed(p, upTo);
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
            long due = client.next(p);
            ProducerRecord r = TrialRecords.expected(seed, p, due);
            client.wrote(
                    new ConsumerRecord(p, due, clock.instant(), r.key(), r.value(), r.headers())); // before the call
            AppendOutcome a = log.append(producer, p, sequence[p]++, r);
            if (a.status() != AppendOutcome.Status.APPENDED || a.offset() != due) {
                throw new IllegalStateException("a transactional append at " + due + " was answered " + a); // R6
            }
        }
        client.markerMayTake(p); // before the call: a power cut inside it may keep the marker
        TransactionOutcome end = t.commit() ? log.commitTransaction(producer) : log.abortTransaction(producer);
        boolean ended = end == TransactionOutcome.COMMITTED || end == TransactionOutcome.ABORTED;
        client.markerWritten(p, ended);
        if (ended) {
            situations.add("a transaction " + (t.commit() ? "committed" : "aborted"));
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
            client.served(p, log.logStartOffset(p));
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
        Judge.Verdict v = client.judge(log, clock.instant(), GROUP);
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
            client.damaged(d.partition(), done.firstTaken());
        }
    }
}
