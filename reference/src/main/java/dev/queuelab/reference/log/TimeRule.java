package dev.queuelab.reference.log;

import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * A rule over a stored timestamp and the clock (a segment's age, its retention), with its last answer.
 *
 * Teaches: time changes once per tick of the clock, not once per call; a log that asks "is this segment too
 * old?" on every append can ask once per instant and reuse the answer, because the rule is a pure function.
 * Invariants:
 *   TR1 test(stamp, now) returns rule(stamp, now), computed again only when stamp or now differs from the last
 *      pair asked.
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka keeps timestamps as milliseconds in longs, so its roll and retention checks
 * (LogSegment.shouldRoll, retention by time in UnifiedLog) compare numbers and allocate nothing; here the rules
 * read Instants and Durations, so the answer is kept instead.
 */
final class TimeRule {

    private final BiPredicate<Instant, Instant> rule;
    private Instant stamp;
    private Instant now;
    private boolean answer;

    TimeRule(BiPredicate<Instant, Instant> rule) {
        this.rule = rule;
    }

    boolean test(Instant stamp, Instant now) {
        if (!stamp.equals(this.stamp) || !now.equals(this.now)) { // TR1
            this.stamp = stamp;
            this.now = now;
            answer = rule.test(stamp, now);
        }
        return answer;
    }
}
