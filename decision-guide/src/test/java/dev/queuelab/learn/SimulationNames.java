package dev.queuelab.learn;

import java.util.Set;

/** The names {@code queuelab simulate --list} prints, for the guide's tests that check what its records cite. */
public final class SimulationNames {

    private SimulationNames() {}

    public static Set<String> all() {
        return Simulations.ALL.keySet();
    }
}
