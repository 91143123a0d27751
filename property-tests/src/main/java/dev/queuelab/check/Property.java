package dev.queuelab.check;

import java.util.List;
import java.util.Map;

/**
 * A property of one topology: the part of the contract its scenarios aim at, how to generate them from a
 * seed, what they must reach (coverage), and how to simplify a failing scenario's configuration. Every
 * invariant of the topology is checked in every scenario; the property only chooses where to look.
 *
 * @param <C> the topology's configuration
 * @param <S> the topology's steps
 * @param <K> the topology's capabilities record, known without constructing an implementation
 */
public interface Property<C, S extends ScenarioStep, K> {

    /** The topology, as reports name it: "work-queue", "log". */
    String topology();

    /** The property's id within its topology: "visibility", "offsets". */
    String id();

    /** The concept page that explains its rules, for the story's "Read more". */
    String doc();

    /** Does it apply to an implementation with these capabilities? A property that does not is skipped. */
    boolean appliesTo(K capabilities);

    /** A scenario from one seed, fitted to the capabilities: the same seed always gives the same scenario. */
    Scenario<C, S> generate(long seed, K capabilities);

    /** The situations its scenarios must reach, with the share of trials that must reach each. */
    Map<String, Double> coverage();

    /** Simpler configurations, simplest first, for the shrinker. */
    List<C> simpler(C config);

    /** "work-queue/visibility": how reports and results name it. */
    default String qualifiedName() {
        return topology() + "/" + id();
    }
}
