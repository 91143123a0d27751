package dev.queuelab.check;

/**
 * One invariant as a check states it, with the anomaly that breaks it: each topology lists its rules as
 * constants of one class ({@code WorkQueueRule}, {@code LogRule}), and its model reports them by name.
 *
 * @param anomaly the anomaly's name in the kit's shared vocabulary ({@code lost}, {@code group-reordered}...)
 * @param rule    the invariant in one line, starting with its id ("I2 a received message stays hidden...")
 */
public record Rule(String anomaly, String rule) {

    /** The anomaly this rule's breach is, at a story step, with its evidence. */
    public Anomaly found(int step, String evidence) {
        return new Anomaly(anomaly, rule, evidence, step);
    }

    /** The invariant id the rule cites ("I2", "L10"), or empty for a rule of the contract itself. */
    public String id() {
        String first = rule.split("[ ,]")[0];
        return first.matches("[A-Z]+\\d+") ? first : "";
    }
}
