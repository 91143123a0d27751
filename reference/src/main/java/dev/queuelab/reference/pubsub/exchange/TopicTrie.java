package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic exchange's bindings as a trie of words, as RabbitMQ's topic exchange keeps them: routing walks the
 * key's words down the trie, so its cost grows with the key and the wildcards on its path, not with the
 * number of bindings.
 *
 * <p>Invariants:
 *   EX1a a key and a pattern are dot-separated words, empty words included ("a..b" has three words, "" has
 *        none); {@code *} matches exactly one word, {@code #} zero or more;
 *   EX1b a destination bound by several patterns that match is routed to once.
 * A route's walk makes no garbage, only its answer: the key's words are found as offsets into the key, never cut
 * into strings; a node's children are a hash table looked up with a word's offsets; a destination is marked
 * with the number of the route that reached it, so a second match costs a comparison, not a set.
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: rabbit_exchange_type_topic, the trie of rabbit_db_topic_exchange.
 */
final class TopicTrie implements ExchangeRouter {

    /** One destination of the trie, shared by every node that binds it; {@code seen} is the last route it joined. */
    private static final class Bound {
        final Destination destination;
        long seen;

        Bound(Destination destination) {
            this.destination = destination;
        }
    }

    /**
     * A word's node: its children by word (open addressing, linear probing, each word's hash kept beside it so a
     * probe reads a word only when the hashes agree), the {@code *} and {@code #} children apart, since every
     * step of a walk asks for them, and what is bound here. Most nodes are leaves: their tables stay null until a
     * first child and their bound array holds just what is bound, so a trie of 10,000 bindings stays small enough
     * for a walk to find its nodes in the cache.
     */
    private static final class Node {
        private static final Bound[] NONE = {};

        int[] hashes;
        String[] words;
        Node[] next;
        int size;
        Node star;
        Node hash;
        Bound[] bound = NONE;

        /** The child for the word {@code key[from, to)} with hash {@code h}, or null. */
        Node child(String key, int from, int to, int h) {
            if (words == null) {
                return null;
            }
            int mask = words.length - 1;
            for (int i = h & mask; words[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == h) {
                    String w = words[i];
                    if (w.length() == to - from && key.regionMatches(from, w, 0, to - from)) {
                        return next[i];
                    }
                }
            }
            return null;
        }

        Node childOrNew(String word) {
            int h = spread(word.hashCode());
            Node found = child(word, 0, word.length(), h);
            if (found != null) {
                return found;
            }
            if (words == null || 2 * (size + 1) > words.length) {
                String[] oldWords = words == null ? new String[0] : words;
                Node[] oldNext = next;
                int[] oldHashes = hashes;
                int length = Math.max(2, oldWords.length * 2);
                hashes = new int[length];
                words = new String[length];
                next = new Node[length];
                for (int i = 0; i < oldWords.length; i++) {
                    if (oldWords[i] != null) {
                        place(oldWords[i], oldHashes[i], oldNext[i]);
                    }
                }
            }
            Node n = new Node();
            place(word, h, n);
            size++;
            if (word.equals("*")) {
                star = n;
            } else if (word.equals("#")) {
                hash = n;
            }
            return n;
        }

        void bind(Bound b) {
            for (Bound already : bound) {
                if (already == b) {
                    return;
                }
            }
            bound = Arrays.copyOf(bound, bound.length + 1);
            bound[bound.length - 1] = b;
        }

        void unbind(Bound b) {
            for (int i = 0; i < bound.length; i++) {
                if (bound[i] == b) {
                    Bound[] fewer = Arrays.copyOf(bound, bound.length - 1);
                    System.arraycopy(bound, i + 1, fewer, i, bound.length - i - 1);
                    bound = fewer.length == 0 ? NONE : fewer;
                    return;
                }
            }
        }

        private void place(String word, int h, Node n) {
            int mask = words.length - 1;
            int i = h & mask;
            while (words[i] != null) {
                i = (i + 1) & mask;
            }
            hashes[i] = h;
            words[i] = word;
            next[i] = n;
        }
    }

    private final Node root = new Node();
    private final int hashMinWords;
    private final int hashMaxWords;
    private final Map<Destination, Bound> destinations = new HashMap<>();
    /** Scratch of one route, reused by the next: the key's word offsets and hashes, and what it found. */
    private int[] starts = new int[8];

    private int[] ends = new int[8];
    private int[] hashes = new int[8];
    private final List<Destination> out = new ArrayList<>();
    private long routes;

    /** {@code #} matches from {@code hashMinWords} to {@code hashMaxWords} words: 0 and unbounded in RabbitMQ. */
    TopicTrie(int hashMinWords, int hashMaxWords) {
        this.hashMinWords = hashMinWords;
        this.hashMaxWords = hashMaxWords;
    }

    static List<String> words(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split("\\.", -1));
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public void add(BindingSpec binding) {
        Node n = root;
        for (String w : words(binding.routingKey())) {
            n = n.childOrNew(w);
        }
        n.bind(destinations.computeIfAbsent(ExchangeRouter.destinationOf(binding), Bound::new));
    }

    @Override
    public void removeDestination(Destination destination) {
        Bound b = destinations.remove(destination);
        if (b == null) {
            return;
        }
        List<Node> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            n.unbind(b);
            for (Node child : n.next == null ? new Node[0] : n.next) {
                if (child != null) {
                    todo.add(child);
                }
            }
        }
    }

    /** The destinations the key reaches, each once: a list of its own, the only thing a route allocates. */
    @Override
    public List<Destination> route(String routingKey, Map<String, String> headers) {
        out.clear();
        routes++;
        walk(root, routingKey, split(routingKey), 0);
        if (out.size() > 1) {
            out.sort(BY_NAME);
        }
        return switch (out.size()) {
            case 0 -> List.of();
            case 1 -> List.of(out.get(0));
            case 2 -> List.of(out.get(0), out.get(1));
            default -> List.copyOf(out);
        };
    }

    /** Finds the key's words as offsets (EX1a), with the hash each word would have as a string; answers how many. */
    private int split(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        int n = 0;
        int from = 0;
        int h = 0;
        for (int i = 0; i <= key.length(); i++) {
            char c = i < key.length() ? key.charAt(i) : '.';
            if (c != '.') {
                h = 31 * h + c;
                continue;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                hashes = Arrays.copyOf(hashes, n * 2);
            }
            starts[n] = from;
            ends[n] = i;
            hashes[n++] = spread(h);
            from = i + 1;
            h = 0;
        }
        return n;
    }

    private void walk(Node n, String key, int words, int at) {
        if (at == words) {
            for (Bound b : n.bound) {
                if (b.seen != routes) { // EX1b: once, however many patterns match
                    b.seen = routes;
                    out.add(b.destination);
                }
            }
        }
        if (at < words) {
            Node exact = n.child(key, starts[at], ends[at], hashes[at]);
            if (exact != null) {
                walk(exact, key, words, at + 1);
            }
            Node star = n.star;
            if (star != null) {
                walk(star, key, words, at + 1);
            }
        }
        Node hash = n.hash;
        if (hash != null) {
            // '#' swallows 0..k words: try every split point; the trie keeps this to the '#' nodes on the path
            int most = Math.min(words - at, hashMaxWords);
            for (int k = hashMinWords; k <= most; k++) {
                walk(hash, key, words, at + k);
            }
        }
    }
}
