package dev.queuelab.api.pubsub.fanout;

import java.util.Map;
import java.util.StringJoiner;

/** The little JSON the fanout writes: a quoted string and a flat object, keys in the order given. */
public final class Json {

    private Json() {}

    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A flat object of already-written JSON values. */
    public static String object(Map<String, String> members) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        members.forEach((k, v) -> out.add(quote(k) + ":" + v));
        return out.toString();
    }
}
