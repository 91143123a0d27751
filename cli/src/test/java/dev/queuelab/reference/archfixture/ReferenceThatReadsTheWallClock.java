package dev.queuelab.reference.archfixture;

import java.time.Instant;

/** Breaks "wall-clock reads only in clocks". A test fixture, never production code. */
public class ReferenceThatReadsTheWallClock {
    public Instant deadline() {
        return Instant.now().plusSeconds(30);
    }
}
