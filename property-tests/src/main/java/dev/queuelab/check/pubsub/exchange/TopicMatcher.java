package dev.queuelab.check.pubsub.exchange;

import java.util.List;
import java.util.Map;

/**
 * The model's matchers, written as the AMQP documentation states them and nothing more clever: a topic
 * pattern by recursion over its words, a headers binding by counting. The reference routes by a trie; the
 * check holds it to this.
 */
final class TopicMatcher {

    private TopicMatcher() {}

    static List<String> words(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split("\\.", -1));
    }

    static boolean topic(String pattern, String key) {
        return match(words(pattern), 0, words(key), 0);
    }

    private static boolean match(List<String> p, int i, List<String> k, int j) {
        if (i == p.size()) {
            return j == k.size();
        }
        if (p.get(i).equals("#")) {
            return match(p, i + 1, k, j) || (j < k.size() && match(p, i, k, j + 1));
        }
        return j < k.size() && (p.get(i).equals("*") || p.get(i).equals(k.get(j))) && match(p, i + 1, k, j + 1);
    }

    static boolean headers(Map<String, String> arguments, Map<String, String> headers) {
        String mode = arguments.getOrDefault("x-match", "all");
        long relevant = arguments.keySet().stream()
                .filter(a -> !a.equals("x-match") && (mode.endsWith("-with-x") || !a.startsWith("x-")))
                .count();
        long equal = arguments.entrySet().stream()
                .filter(a -> !a.getKey().equals("x-match")
                        && (mode.endsWith("-with-x") || !a.getKey().startsWith("x-")))
                .filter(a -> a.getValue().equals(headers.get(a.getKey())))
                .count();
        return mode.startsWith("any") ? equal > 0 : equal == relevant;
    }
}
