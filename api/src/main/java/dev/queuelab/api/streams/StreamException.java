package dev.queuelab.api.streams;

/**
 * An error reply, with Redis's own message: "ERR The ID specified in XADD is equal or smaller than the target
 * stream top item", "BUSYGROUP Consumer Group name already exists", "NOGROUP No such key 's' or consumer group
 * 'g'". A client records it as the answer; it is not a broken contract.
 */
public class StreamException extends RuntimeException {

    public StreamException(String message) {
        super(message);
    }

    /** The error's code, its first word: ERR, BUSYGROUP, NOGROUP. */
    public String code() {
        String m = getMessage();
        int space = m.indexOf(' ');
        return space < 0 ? m : m.substring(0, space);
    }
}
