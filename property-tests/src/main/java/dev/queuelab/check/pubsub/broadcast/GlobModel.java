package dev.queuelab.check.pubsub.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The checker's own reading of Redis's glob, written apart from the reference's: the pattern becomes a list of
 * tokens (a star, or one character that a predicate accepts), then a table says which prefixes match which.
 * Redis's reading of a class: '^' first negates; '\x' is x; ']' closes; a class still open at the end closes
 * there; "x-y" is a range in either order, even when y is ']'. The empty channel matches only the empty pattern.
 */
final class GlobModel {

    private GlobModel() {}

    static boolean matches(String pattern, String channel) {
        if (channel.isEmpty()) {
            return pattern.isEmpty();
        }
        List<IntPredicate> tokens = tokens(pattern);
        int n = channel.length();
        boolean[] row = new boolean[n + 1];
        row[0] = true;
        for (IntPredicate t : tokens) {
            boolean[] next = new boolean[n + 1];
            for (int i = 0; i <= n; i++) {
                if (t == null) {
                    next[i] = row[i] || (i > 0 && next[i - 1]);
                } else {
                    next[i] = i > 0 && row[i - 1] && t.test(channel.charAt(i - 1));
                }
            }
            row = next;
        }
        return row[n];
    }

    /** The pattern's tokens: {@code null} for a star, else the one character a position accepts. */
    static List<IntPredicate> tokens(String p) {
        List<IntPredicate> tokens = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char x = p.charAt(i);
            if (x == '*') {
                tokens.add(null);
                i++;
            } else if (x == '?') {
                tokens.add(c -> true);
                i++;
            } else if (x == '\\' && i + 1 < p.length()) {
                char lit = p.charAt(i + 1);
                tokens.add(c -> c == lit);
                i += 2;
            } else if (x == '[') {
                i = readClass(p, i + 1, tokens);
            } else {
                tokens.add(c -> c == x);
                i++;
            }
        }
        return tokens;
    }

    private static int readClass(String p, int from, List<IntPredicate> tokens) {
        int i = from;
        boolean negated = i < p.length() && p.charAt(i) == '^';
        if (negated) {
            i++;
        }
        IntPredicate any = c -> false;
        while (i < p.length() && p.charAt(i) != ']') {
            if (p.charAt(i) == '\\' && i + 1 < p.length()) {
                char lit = p.charAt(i + 1);
                any = any.or(c -> c == lit);
                i += 2;
            } else if (i + 2 < p.length() && p.charAt(i + 1) == '-') {
                char lo = (char) Math.min(p.charAt(i), p.charAt(i + 2));
                char hi = (char) Math.max(p.charAt(i), p.charAt(i + 2));
                any = any.or(c -> c >= lo && c <= hi);
                i += 3;
            } else {
                char lit = p.charAt(i);
                any = any.or(c -> c == lit);
                i++;
            }
        }
        tokens.add(negated ? any.negate() : any);
        return Math.min(i + 1, p.length());
    }
}
