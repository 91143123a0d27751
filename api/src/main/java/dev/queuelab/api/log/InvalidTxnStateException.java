package dev.queuelab.api.log;

/** A transactional call out of order: begin twice, commit or abort with none begun, or append outside one. */
public class InvalidTxnStateException extends IllegalStateException {

    public InvalidTxnStateException(ProducerIdAndEpoch producer, String call, String state, String fix) {
        super(call + " by producer " + producer.producerId() + " (epoch " + producer.epoch() + ") while " + state + ": "
                + fix);
    }
}
