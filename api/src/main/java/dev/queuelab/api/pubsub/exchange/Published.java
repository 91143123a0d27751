package dev.queuelab.api.pubsub.exchange;

/**
 * What a publisher on a confirm channel learns of one publish.
 *
 * @param acked    basic.ack (true) or basic.nack (false): an ack means every queue it routes to has it
 * @param returned basic.return of a mandatory publish that routed to no queue
 */
public record Published(boolean acked, boolean returned) {

    @Override
    public String toString() {
        return (acked ? "ack" : "nack") + (returned ? ", returned" : "");
    }
}
