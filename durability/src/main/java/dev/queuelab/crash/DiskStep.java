package dev.queuelab.crash;

import dev.queuelab.check.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One step of a power-cut trial on the {@link SimulatedDisk}: what a client does to the log, the clock moving, or
 * the power going out. Faults are steps, so the shrinker removes them like any other.
 */
sealed interface DiskStep extends ScenarioStep {

    /** A producer sends {@code count} records to a partition, all in flight at once (pipelined). */
    record Send(int partition, int count) implements DiskStep {
        @Override
        public List<DiskStep> simpler() {
            return count > 1 ? List.of(new Send(partition, 1), new Send(partition, count / 2)) : List.of();
        }

        @Override
        public String toString() {
            return "send " + count + " record" + (count == 1 ? "" : "s") + " to partition " + partition;
        }
    }

    /** The clock moves: a group commit's linger may fall due, and retention may delete old segments. */
    record Tick(long millis) implements DiskStep {
        @Override
        public List<DiskStep> simpler() {
            return millis > 1 ? List.of(new Tick(1)) : List.of();
        }

        @Override
        public String toString() {
            return "the clock moves " + millis + " ms";
        }

        /** Two ticks in a row are one tick of both lengths. */
        @Override
        public Optional<DiskStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(millis + t.millis)) : Optional.empty();
        }
    }

    /** The log forces every partition. */
    record Flush() implements DiskStep {
        @Override
        public String toString() {
            return "flush";
        }
    }

    /** The consumer group commits the offset after the last record acknowledged in a partition. */
    record Commit(int partition) implements DiskStep {
        @Override
        public String toString() {
            return "commit partition " + partition + " up to its last acknowledged record";
        }
    }

    /** A clean shutdown (everything forced, the clean-shutdown mark written), then the log opens again. */
    record CleanRestart() implements DiskStep {
        @Override
        public String toString() {
            return "a clean shutdown, and the log opens again";
        }
    }

    /** The power goes out now; the log recovers, is judged, and the steps go on in its next life. */
    record PowerCut() implements DiskStep {
        @Override
        public String toString() {
            return "the power goes out; the log recovers";
        }
    }

    /** The power will go out at the {@code operations}-th disk operation from here, in whatever step makes it. */
    record CutPowerIn(int operations) implements DiskStep {
        @Override
        public List<DiskStep> simpler() {
            return operations > 1 ? List.of(new CutPowerIn(1), new CutPowerIn(operations / 2)) : List.of();
        }

        @Override
        public String toString() {
            return "the power will go out at the " + operations + "th disk operation from here";
        }
    }

    /** The power will go out just before the {@code nth} operation of a kind from here: a force, a rename... */
    record CutPowerBefore(String kind, int nth) implements DiskStep {
        static final String[] KINDS = {"write", "truncate", "force", "rename", "delete", "create"};

        @Override
        public List<DiskStep> simpler() {
            return nth > 1 ? List.of(new CutPowerBefore(kind, 1)) : List.of();
        }

        @Override
        public String toString() {
            return "the power will go out just before the " + nth + (nth == 1 ? "st" : nth == 2 ? "nd" : "rd") + " "
                    + kind + " from here";
        }
    }

    /** A force runs, and while it is in flight another thread sends {@code count} records to a partition. */
    record SendDuringForce(int partition, int count) implements DiskStep {
        @Override
        public List<DiskStep> simpler() {
            return count > 1 ? List.of(new SendDuringForce(partition, 1)) : List.of();
        }

        @Override
        public String toString() {
            return "a flush, and while its force is in flight another thread sends " + count + " records to partition "
                    + partition;
        }
    }

    /** A transactional producer writes {@code count} records to a partition, then commits or aborts. */
    record Transaction(int partition, int count, boolean commit) implements DiskStep {
        @Override
        public List<DiskStep> simpler() {
            return count > 1 ? List.of(new Transaction(partition, 1, commit)) : List.of();
        }

        @Override
        public String toString() {
            return "a transaction writes " + count + " record" + (count == 1 ? "" : "s") + " to partition " + partition
                    + " and " + (commit ? "commits" : "aborts");
        }
    }

    /** The power goes out, and before the next life the medium is damaged ({@link MediaDamage}). */
    record Damage(int partition, MediaDamage kind, long seed) implements DiskStep {
        @Override
        public String toString() {
            return "the power goes out, and the disk is damaged in partition " + partition + " ("
                    + kind.name().toLowerCase().replace('_', ' ') + ")";
        }
    }

    @Override
    default List<DiskStep> simpler() {
        return List.of();
    }

    /** The steps of one trial, from its seed: sends most of all, with the clock, forces, commits and faults. */
    static List<DiskStep> generate(SplittableRandom r, int partitions) {
        List<DiskStep> steps = new ArrayList<>();
        for (int n = 4 + r.nextInt(24); n > 0; n--) {
            steps.add(draw(r, r.nextInt(partitions)));
        }
        return steps;
    }

    /**
     * One step: sends 35%, the clock 12%, flushes 5%, commits 12%, transactions 3%, clean restarts 4%, power cuts now
     * 5%, sends during a force 6%, damage between lives 4%, a power cut armed for a later disk operation 14% (by count
     * or by kind).
     */
    private static DiskStep draw(SplittableRandom r, int p) {
        int pick = r.nextInt(100);
        if (pick < 35) {
            return new Send(p, 1 + r.nextInt(r.nextInt(4) == 0 ? 40 : 6));
        } else if (pick < 38) {
            return new Transaction(p, 1 + r.nextInt(4), r.nextInt(3) > 0);
        } else if (pick < 50) {
            return new Tick(1 + r.nextInt(r.nextInt(3) == 0 ? 400 : 5));
        } else if (pick < 55) {
            return new Flush();
        } else if (pick < 67) {
            return new Commit(p);
        } else if (pick < 71) {
            return new CleanRestart();
        } else if (pick < 76) {
            return new PowerCut();
        } else if (pick < 82) {
            return new SendDuringForce(p, 1 + r.nextInt(8));
        } else if (pick < 86) {
            return new Damage(p, MediaDamage.values()[r.nextInt(MediaDamage.values().length)], r.nextLong());
        } else if (pick < 93) {
            return new CutPowerIn(1 + r.nextInt(60));
        }
        return new CutPowerBefore(CutPowerBefore.KINDS[r.nextInt(CutPowerBefore.KINDS.length)], 1 + r.nextInt(3));
    }
}
