package dev.queuelab.brokers;

/** A broker that could not be started, or that did not answer at the address given: one line saying why. */
public final class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
