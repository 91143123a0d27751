package dev.queuelab.check;

/**
 * A topology as the harness knows it: its binding to the engine and its implementations by name, each with
 * the capabilities the harness holds it to. The JUnit binding and the command line run every topology through
 * this one shape.
 */
public record TopologyChecks<C, S extends ScenarioStep, K, F, E extends Event>(
        Binding<C, S, K, F, E> binding, Registry<F, K> implementations) {

    public String topology() {
        return binding.topology();
    }

    /** The implementation a name stands for in this topology, or the topology's reference when it is another's. */
    public String implOrReference(String name) {
        return implementations.find(name).map(Registry.Entry::name).orElse(topology() + ".reference");
    }

    /** One property of this topology against one of its implementations, by name. */
    public CheckResult check(Property<?, ?, ?> property, String impl, ReplayCommand replay, Settings settings) {
        Registry.Entry<F, K> entry = implementations.get(impl);
        Property<C, S, K> own = binding.property(property.qualifiedName())
                .orElseThrow(() ->
                        new IllegalArgumentException(property.qualifiedName() + " is not a property of " + topology()));
        return binding.check(own, entry.name(), entry.capabilities(), entry.factory(), replay, settings);
    }
}
