package dev.queuelab.check.semantics;

/**
 * What the harness holds an outbox to (its capabilities): nothing committed lost, nothing uncommitted published,
 * and a duplicate only where a crash cut a relay ({@code atLeastOnce}: the one honest promise of a relay).
 */
public record RelayPromise(boolean atLeastOnce) {

    public static final RelayPromise AT_LEAST_ONCE = new RelayPromise(true);
}
