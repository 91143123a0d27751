package dev.queuelab.bench.report;

/**
 * A run whose counters say its scores are a broken implementation's: the report refuses it, and
 * {@code queuelab bench} fails, rather than publish a fast wrong result as a fast right one.
 */
public final class WrongResultsException extends RuntimeException {

    public WrongResultsException(String message) {
        super(message);
    }
}
