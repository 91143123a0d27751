package dev.queuelab.check.streams;

import java.util.List;

/**
 * A scenario's stream: stream {@code s}, group g1 created at 0 before the first step (g2 is created by a step),
 * consumers c1 and c2 in each group, and the dead-letter stream {@code s:dead} that consumers move an entry to
 * once it has {@code maxDeliveries} deliveries.
 *
 * @param maxDeliveries the N of the dead-letter convention, 1 to 3
 */
public record StreamSetup(int maxDeliveries) {

    public static final String STREAM = "s";
    public static final String DEAD = "s:dead";
    public static final String G1 = "g1";
    public static final String G2 = "g2";
    public static final List<String> CONSUMERS = List.of("c1", "c2");
    public static final String DRAINER = "drain";

    public StreamSetup {
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries " + maxDeliveries + " is out of range: use 1 or more");
        }
    }

    List<StreamSetup> simpler() {
        return maxDeliveries == 2 ? List.of() : List.of(new StreamSetup(2));
    }

    @Override
    public String toString() {
        return "stream s, group g1 at 0, consumers c1 and c2, entries dead-lettered to s:dead after " + maxDeliveries
                + " deliveries";
    }
}
