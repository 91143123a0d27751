package dev.queuelab.check;

/**
 * A broken guarantee found in a history.
 *
 * @param name     the anomaly's name from the kit's shared vocabulary ({@code lost}, {@code group-reordered}...)
 * @param rule     the invariant it breaks, in one line, with its id ("I2 a received message stays hidden...")
 * @param evidence what happened, in plain words, naming messages, consumers and times
 * @param step     the story step at which it showed (1-based), or 0 when found after the last step
 */
public record Anomaly(String name, String rule, String evidence, int step) {}
