package dev.queuelab.reference.pubsub.broadcast;

/**
 * Redis's glob, as PSUBSCRIBE matches a channel with it: {@code *} any run of characters, {@code ?} one
 * character, {@code [abc]}, {@code [a-z]} (ends in either order) and {@code [^abc]} one of (or none of) a
 * class, {@code \x} the character x itself, inside a class too. Only {@code ^} negates a class
 * ({@code [!a]} is a class of '!' and 'a'); a class left open at the end of the pattern ends there;
 * {@code []} is a class of nothing; in {@code [a-]} the {@code -]} is read as a range up to ']' as Redis
 * reads it. One quirk kept on purpose: the empty channel matches only the empty pattern, so {@code *} does not
 * match "" (Redis's stringmatchlen, src/util.c, checked 2026-12-05), while {@code *} matches the empty rest of
 * a non-empty channel ("a*" matches "a").
 *
 * <p>Thread-safety: stateless. Real world: Redis PSUBSCRIBE, KEYS, SCAN MATCH (without NOCASE).
 */
public final class Glob {

    private Glob() {}

    /** Does {@code pattern} match all of {@code channel}? */
    public static boolean matches(String pattern, String channel) {
        if (channel.isEmpty()) {
            return pattern.isEmpty();
        }
        return from(pattern, 0, channel, 0);
    }

    private static boolean from(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            if (si == s.length()) {
                return onlyStars(p, pi);
            }
            char c = s.charAt(si);
            switch (p.charAt(pi)) {
                case '*' -> {
                    int rest = pi;
                    while (rest < p.length() && p.charAt(rest) == '*') {
                        rest++;
                    }
                    if (rest == p.length()) {
                        return true;
                    }
                    for (int k = si; k < s.length(); k++) {
                        if (from(p, rest, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> pi++;
                case '[' -> {
                    int end = classEnd(p, pi);
                    if (!inClass(p, pi, c)) {
                        return false;
                    }
                    pi = end;
                }
                case '\\' -> {
                    int at = pi + 1 < p.length() ? pi + 1 : pi;
                    if (p.charAt(at) != c) {
                        return false;
                    }
                    pi = at + 1;
                }
                default -> {
                    if (p.charAt(pi) != c) {
                        return false;
                    }
                    pi++;
                }
            }
            si++;
        }
        return si == s.length();
    }

    private static boolean onlyStars(String p, int from) {
        for (int i = from; i < p.length(); i++) {
            if (p.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    /** Where the pattern goes on after the class opening at {@code open}. */
    private static int classEnd(String p, int open) {
        int q = open + 1;
        if (q < p.length() && p.charAt(q) == '^') {
            q++;
        }
        while (q < p.length()) {
            char x = p.charAt(q);
            if (x == '\\' && p.length() - q >= 2) {
                q += 2;
            } else if (x == ']') {
                return q + 1;
            } else if (p.length() - q >= 3 && p.charAt(q + 1) == '-') {
                q += 3;
            } else {
                q++;
            }
        }
        return p.length();
    }

    private static boolean inClass(String p, int open, char c) {
        int q = open + 1;
        boolean not = q < p.length() && p.charAt(q) == '^';
        if (not) {
            q++;
        }
        boolean match = false;
        while (q < p.length() && p.charAt(q) != ']') {
            char x = p.charAt(q);
            if (x == '\\' && p.length() - q >= 2) {
                match |= p.charAt(q + 1) == c;
                q += 2;
            } else if (p.length() - q >= 3 && p.charAt(q + 1) == '-') {
                char a = x;
                char b = p.charAt(q + 2);
                match |= c >= Math.min(a, b) && c <= Math.max(a, b);
                q += 3;
            } else {
                match |= x == c;
                q++;
            }
        }
        return match != not;
    }
}
