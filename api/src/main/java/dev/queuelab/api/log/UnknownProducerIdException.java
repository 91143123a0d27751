package dev.queuelab.api.log;

/** A producer id this log never handed out. */
public class UnknownProducerIdException extends IllegalArgumentException {

    public UnknownProducerIdException(long producerId) {
        super("producer id " + producerId + " is unknown: call initProducerId() or initTransactions(id) first");
    }
}
