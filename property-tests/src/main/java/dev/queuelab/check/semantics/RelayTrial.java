package dev.queuelab.check.semantics;

/** An outbox scenario's configuration: how many rows one relay run may take is the service's own choice. */
public record RelayTrial(int processes) {

    public static final RelayTrial APP_AND_RELAY = new RelayTrial(2);

    @Override
    public String toString() {
        return "an app and a relay, each a process over one database; a queue that keeps every copy it is given";
    }
}
