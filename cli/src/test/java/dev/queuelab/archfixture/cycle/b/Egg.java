package dev.queuelab.archfixture.cycle.b;

import dev.queuelab.archfixture.cycle.a.Chicken;

/** The other half of a package cycle. A test fixture, never production code. */
public class Egg {
    public Chicken hatch() {
        return new Chicken();
    }
}
