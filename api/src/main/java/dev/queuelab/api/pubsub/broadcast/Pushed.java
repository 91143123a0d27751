package dev.queuelab.api.pubsub.broadcast;

/**
 * One message as a subscriber reads it: Redis's {@code message} (pattern null) or {@code pmessage} (the
 * pattern that matched).
 *
 * @param channel the channel it was published on
 * @param pattern the subscribed pattern that matched, or {@code null} for a channel subscription
 * @param payload the payload as published
 */
public record Pushed(String channel, String pattern, String payload) {
    public static Pushed message(String channel, String payload) {
        return new Pushed(channel, null, payload);
    }

    public static Pushed pmessage(String pattern, String channel, String payload) {
        return new Pushed(channel, pattern, payload);
    }

    @Override
    public String toString() {
        return payload + "@" + channel + (pattern == null ? "" : " via " + pattern);
    }
}
