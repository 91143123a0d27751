package dev.queuelab.check;

/** How a report says to replay a failing trial exactly: a Maven command, or the command line's. */
@FunctionalInterface
public interface ReplayCommand {

    String command(Property<?, ?, ?> property, String impl, long seed);

    /** The JUnit binding of every topology, narrowed to one property, one implementation and one trial. */
    ReplayCommand MAVEN =
            (p, impl, seed) -> "./mvnw -q verify -pl property-tests -am -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dtest=PropertyChecksTest -Dqueuelab.property=" + p.qualifiedName() + " -Dqueuelab.impl=" + impl
                    + " -Dqueuelab.seed=" + seed + " -Dqueuelab.trials=1";
}
