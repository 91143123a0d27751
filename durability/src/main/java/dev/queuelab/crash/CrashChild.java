package dev.queuelab.crash;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.reference.log.DiskRules;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process a crash trial kills: opens (and so recovers) the log in a directory, then appends the trial's
 * records to its partitions in turn, up to 64 in flight, and commits offsets as their appends are acknowledged,
 * until it is killed or has appended {@code max} records.
 *
 * <p>It reports on standard output, one line each, flushed at once ({@link ChildReport}): {@code O} as it begins to
 * open (and so recover) the log, {@code A p o} from the future's completion, the moment the append at (p, o) is
 * acknowledged, {@code C p o} once a commit of offset o for p has returned. What the parent has read is what was
 * promised.
 * Usage: {@code CrashChild DIR SEED POLICY MAX [RECOVERY]}, POLICY one of force, group-commit, page-cache;
 * RECOVERY, the name of a {@link SegmentRecovery} class on the class path, recovers the log in place of the
 * reference's (the recovery trials run a learner's this way).
 */
public final class CrashChild {

    static final String TOPIC = "orders";
    static final int PARTITIONS = 2;
    static final int IN_FLIGHT = 64;
    static final int COMMIT_EVERY = 25;
    static final String GROUP = "trial-group";

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        FlushPolicy policy = CrashTrials.policy(args[2]);
        long max = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        Thread orphaned = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            continue; // the parent writes nothing: this only waits for its end
                        }
                    } catch (IOException e) {
                        // the pipe broke: the parent is gone all the same
                    }
                    Runtime.getRuntime().halt(137); // the parent died (a check stopped, say): so does its child
                },
                "parent-watch");
        orphaned.setDaemon(true);
        orphaned.start();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linger");
            t.setDaemon(true);
            return t;
        });
        FlushScheduler scheduler = FlushScheduler.on(timer);
        DiskRules rules = args.length > 4
                ? new RecoveryRules((SegmentRecovery)
                        Class.forName(args[4]).getConstructor().newInstance())
                : DiskRules.REFERENCE;
        out.println("O");
        DurableKafkaLog log = DurableKafkaLog.open(
                dir, TOPIC, CrashTrials.config(), policy, InstantSource.system(), scheduler, rules);
        Assignment member = log.join(GROUP, "child");
        long[] next = new long[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            next[p] = log.highWatermark(p);
        }
        ArrayDeque<CompletableFuture<AppendOutcome>> inFlight = new ArrayDeque<>();
        long[] acked = new long[PARTITIONS];
        for (long i = 0; i < max; i++) {
            int p = (int) (i % PARTITIONS);
            CompletableFuture<AppendOutcome> sent = log.send(p, TrialRecords.expected(seed, p, next[p]++));
            sent.thenAccept(a -> out.println("A " + a.partition() + " " + a.offset())); // the promise, as it is made
            inFlight.add(sent);
            while (inFlight.size() > IN_FLIGHT || i == max - 1 && !inFlight.isEmpty()) {
                AppendOutcome a = inFlight.poll().get(20, TimeUnit.SECONDS);
                if (++acked[a.partition()] % COMMIT_EVERY == 0
                        && log.commit(GROUP, "child", member.generation(), a.partition(), a.offset() + 1)
                                == CommitOutcome.COMMITTED) {
                    out.println("C " + a.partition() + " " + (a.offset() + 1));
                }
            }
        }
        log.close();
        out.println("DONE");
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The linger the trials use under group commit. */
    static Duration linger() {
        return Duration.ofMillis(2);
    }
}
