package dev.queuelab.check.pubsub.broadcast.gallery;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.reference.pubsub.broadcast.BroadcastRules;
import dev.queuelab.reference.pubsub.broadcast.Glob;
import dev.queuelab.reference.pubsub.broadcast.RedisBroadcast;
import java.time.InstantSource;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The broadcast's bug gallery: each variant is the reference given one wrong rule, or wrapped by one wrong
 * idea of what a broadcast keeps, and names the anomaly the checks must find.
 */
public final class BroadcastGallery {

    private BroadcastGallery() {}

    /** One broken broadcast and the anomaly that catches it. */
    public record Variant(
            String name, BiFunction<BroadcastConfig, InstantSource, Broadcast> factory, String expected) {}

    public static final List<Variant> VARIANTS = List.of(
            new Variant("buffered-for-offline", OfflineInbox::new, "unexpected"),
            new Variant(
                    "star-needs-a-character",
                    rules(new BroadcastRules() {
                        @Override
                        public boolean matches(String pattern, String channel) {
                            return Glob.matches(starsNeedACharacter(pattern), channel);
                        }
                    }),
                    "misrouted"),
            new Variant(
                    "bang-negates-a-class",
                    rules(new BroadcastRules() {
                        @Override
                        public boolean matches(String pattern, String channel) {
                            return Glob.matches(pattern.replace("[!", "[^"), channel);
                        }
                    }),
                    "misrouted"),
            new Variant(
                    "soft-limit-ignored",
                    rules(new BroadcastRules() {
                        @Override
                        public boolean closes(BroadcastConfig config, long bytes, long softSince, long now) {
                            return config.hardLimitBytes() > 0 && bytes >= config.hardLimitBytes();
                        }
                    }),
                    "disconnect-missed"),
            new Variant(
                    "slow-subscriber-blocks-publisher",
                    rules(new BroadcastRules() {
                        @Override
                        public boolean publishesPastSlowClient() {
                            return false;
                        }
                    }),
                    "slow-subscriber-harm"));

    /** The mistake of a regex translator that writes {@code .+} for {@code *}: every unescaped star becomes "?*". */
    static String starsNeedACharacter(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            out.append(c == '*' && !inClass ? "?*" : String.valueOf(c));
        }
        return out.toString();
    }

    private static BiFunction<BroadcastConfig, InstantSource, Broadcast> rules(BroadcastRules rules) {
        return (config, clock) -> new RedisBroadcast(config, clock, rules);
    }
}
