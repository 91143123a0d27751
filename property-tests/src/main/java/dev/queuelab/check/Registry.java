package dev.queuelab.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One topology's implementations by name, with what each supports, known without constructing one. Names
 * are qualified by the topology ({@code log.reference}, {@code log.gallery.partitioner-ignores-key}); the
 * work queue's also answer to their short names ({@code reference}, {@code gallery.one-lane}).
 *
 * @param <F> how the topology makes an implementation (a factory taking its configuration and a clock)
 * @param <K> the topology's capabilities record
 */
public final class Registry<F, K> {

    /**
     * An implementation: its qualified name, how to make it, what the harness holds it to, and for a bug-gallery
     * variant the anomaly its shrunk story must name.
     */
    public record Entry<F, K>(String name, F factory, K capabilities, Optional<String> expected) {}

    private final String topology;
    private final boolean shortNames;
    private final Map<String, Entry<F, K>> entries = new LinkedHashMap<>();

    public Registry(String topology, boolean shortNames) {
        this.topology = topology;
        this.shortNames = shortNames;
    }

    public Registry<F, K> add(String name, F factory, K capabilities) {
        entries.put(topology + "." + name, new Entry<>(topology + "." + name, factory, capabilities, Optional.empty()));
        return this;
    }

    /** A bug-gallery variant: the simulations must catch it, its story naming {@code expected}. */
    public Registry<F, K> addVariant(String name, F factory, K capabilities, String expected) {
        entries.put(
                topology + "." + name,
                new Entry<>(topology + "." + name, factory, capabilities, Optional.of(expected)));
        return this;
    }

    /** Every entry, in the order added. */
    public List<Entry<F, K>> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry a name stands for, if it is one of this topology's. */
    public Optional<Entry<F, K>> find(String name) {
        Entry<F, K> e = entries.get(name);
        return Optional.ofNullable(e != null || !shortNames ? e : entries.get(topology + "." + name));
    }

    public Entry<F, K> get(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException("queuelab.impl '" + name + "' is not a known "
                        + topology + " implementation: use one of " + String.join(", ", names())));
    }

    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    public String topology() {
        return topology;
    }
}
