package dev.queuelab.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the child JVMs of one kill trial told the parent, line by line, as each promise was made: {@code O} when a
 * child is about to open (and recover) the log, {@code A p o} when the append at (p, o) was acknowledged (printed
 * in the future's completion, not when the child got round to it), {@code C p o} when a commit of o for p
 * returned. What was read before the kill is what was promised. Thread-safe: the reader thread writes, the trial
 * waits on it.
 */
final class ChildReport {

    private final Map<Integer, List<Long>> acked = new HashMap<>();
    private final Map<Integer, Long> committed = new TreeMap<>();
    private int acks;
    private int commits;
    private int opens;

    /** Takes one line of a child's output. */
    synchronized void line(String line) {
        String[] f = line.split(" ");
        switch (f[0]) {
            case "O" -> opens++;
            case "A" -> {
                acked.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>())
                        .add(Long.parseLong(f[2]));
                acks++;
            }
            case "C" -> {
                committed.merge(Integer.parseInt(f[1]), Long.parseLong(f[2]), Math::max);
                commits++;
            }
            default -> {
                return; // DONE, or anything else: no promise
            }
        }
        notifyAll();
    }

    /** Waits, at most {@code millis}, for a line; true if the child has opened {@code opens} times and acked {@code acks}. */
    synchronized boolean reached(int opensWanted, int acksWanted, long millis) throws InterruptedException {
        if (opens >= opensWanted && acks >= acksWanted) {
            return true;
        }
        wait(millis); // bounded: the reader notifies on each line
        return opens >= opensWanted && acks >= acksWanted;
    }

    synchronized Map<Integer, List<Long>> acked() {
        Map<Integer, List<Long>> copy = new HashMap<>();
        acked.forEach((p, o) -> copy.put(p, List.copyOf(o)));
        return copy;
    }

    synchronized Map<Integer, Long> committed() {
        return new TreeMap<>(committed);
    }

    synchronized int count() {
        return acks;
    }

    synchronized int commits() {
        return commits;
    }

    synchronized int opens() {
        return opens;
    }

    synchronized long maxAcked(int p) {
        return acked.getOrDefault(p, List.of()).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(-1);
    }
}
