package dev.queuelab.archfixture.cycle.a;

import dev.queuelab.archfixture.cycle.b.Egg;

/** One half of a package cycle. A test fixture, never production code. */
public class Chicken {
    public Egg lay() {
        return new Egg();
    }
}
