package dev.queuelab.check.recipe;

/**
 * The third topology of the engine's own tests, written from docs/engine.md's recipe alone: a tally that
 * counts. Its contract is two calls; its invariants are TA1 an increment answers the count it made and TA2 a
 * read answers the count so far.
 */
public interface Tally {

    /** Adds one and answers the count it made. */
    long increment();

    /** The count so far. */
    long read();

    /** What a tally supports: {@code reads} false means it only counts (a property of reads does not apply). */
    record Capabilities(boolean reads) {}

    /** Its configuration: where it starts. */
    record Config(long start) {}

    /** The reference: one long, one monitor. Thread-safety: both calls hold the tally's monitor. */
    final class Reference implements Tally {
        private long count;

        public Reference(Config config) {
            this.count = config.start();
        }

        @Override
        public synchronized long increment() {
            return ++count;
        }

        @Override
        public synchronized long read() {
            return count;
        }
    }
}
