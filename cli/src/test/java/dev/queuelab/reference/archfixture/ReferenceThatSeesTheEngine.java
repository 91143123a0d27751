package dev.queuelab.reference.archfixture;

import dev.queuelab.check.Settings;

/** Breaks "the reference never sees the engine". A test fixture, never production code. */
public class ReferenceThatSeesTheEngine {
    public int trials() {
        return Settings.fromSystemProperties().trials();
    }
}
