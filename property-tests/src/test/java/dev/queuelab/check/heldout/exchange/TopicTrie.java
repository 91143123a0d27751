package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic exchange's bindings as a trie of words, as RabbitMQ's topic exchange keeps them: routing walks the
 * key's words down the trie, so its cost grows with the key and the wildcards on its path, not with the
 * number of bindings.
 *
 * <p>Invariants:
 *   EX1a a key and a pattern are dot-separated words, empty words included ("a..b" has three words, "" has
 *        none); {@code *} matches exactly one word, {@code #} zero or more;
 *   EX1b a destination bound by several patterns that match is routed to once.
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: rabbit_exchange_type_topic, the trie of rabbit_db_topic_exchange.
 */
final class TopicTrie implements ExchangeRouter {

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final Set<Destination> bound = new LinkedHashSet<>();
    }

    private final Node root = new Node();
    private final int hashMinWords;
    private final int hashMaxWords;

    /** {@code #} matches from {@code hashMinWords} to {@code hashMaxWords} words: 0 and unbounded in RabbitMQ. */
    TopicTrie(int hashMinWords, int hashMaxWords) {
        this.hashMinWords = hashMinWords;
        this.hashMaxWords = hashMaxWords;
    }

    static List<String> words(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split("\\.", -1));
    }

    @Override
    public void add(BindingSpec binding) {
        Node n = root;
        for (String w : words(binding.routingKey())) {
            n = n.children.computeIfAbsent(w, k -> new Node());
        }
        n.bound.add(ExchangeRouter.destinationOf(binding));
    }

    @Override
    public void removeDestination(Destination destination) {
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            n.bound.remove(destination);
            todo.addAll(n.children.values());
        }
    }

    @Override
    public Set<Destination> route(String routingKey, Map<String, String> headers) {
        Set<Destination> out = new HashSet<>();
        walk(root, words(routingKey), 0, out);
        return out;
    }

    private void walk(Node n, List<String> words, int at, Set<Destination> out) {
        if (at == words.size()) {
            out.addAll(n.bound);
        }
        if (at < words.size()) {
            Node exact = n.children.get(words.get(at));
            if (exact != null) {
                walk(exact, words, at + 1, out);
            }
            Node star = n.children.get("*");
            if (star != null) {
                walk(star, words, at + 1, out);
            }
        }
        Node hash = n.children.get("#");
        if (hash != null) {
            // '#' swallows 0..k words: try every split point; the trie keeps this to the '#' nodes on the path
            int most = Math.min(words.size() - at, hashMaxWords);
            for (int k = hashMinWords; k <= most; k++) {
                walk(hash, words, at + k, out);
            }
        }
    }
}
