package dev.queuelab.check.implementations;

import dev.queuelab.check.workqueue.StressRun;
import java.time.Duration;

/**
 * A stress run in a JVM of its own, for a queue that may do worse than answer wrongly: a structure a race
 * corrupts can loop as it allocates and run the heap out, which would take down whatever else shares the JVM.
 * Prints {@code anomaly <name>} and the story, or {@code none}, and exits 0; a JVM that dies of the queue's
 * heap says so on its error stream.
 *
 * <p>Arguments: the implementation's registry name, the seed, the rounds, the seconds a round may take.
 */
public final class StressMain {

    private StressMain() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: StressMain <implementation> <seed> <rounds> <round-seconds>");
            System.exit(2);
        }
        StressRun.Plan plan = new StressRun.Plan(
                3, 3, 2_000, 97, Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])));
        StressRun.Outcome outcome =
                new StressRun(Implementations.workQueue(args[0]), args[0], plan).run(Long.parseLong(args[1]));
        System.out.println(outcome.anomaly().map(a -> "anomaly " + a.name()).orElse("none"));
        System.out.println(outcome.report());
        System.exit(0); // threads stuck inside a broken queue are daemons, but say it plainly
    }
}
