package dev.queuelab.learn;

import dev.queuelab.api.workqueue.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calls made on the learner's latest queue or log, in order, so that a call that never returns can be
 * named with the calls that led to it. The checks are single-threaded; the log is read from the watchdog's
 * thread, so it is published through a volatile list that is replaced, never changed in place once read.
 */
final class CallLog {

    private static final int KEPT = 12;

    /** Reads of the state: left out of the calls shown unless one is the call that did not return. */
    private static final Set<String> OBSERVATIONS = Set.of(
            "stats", "deadLetters", "config", "describeGroup", "logStartOffset", "highWatermark", "lastStableOffset");

    private volatile List<String> calls = List.of();
    private volatile String last;
    private int total;

    /** {@code maker}, its implementations (of {@code api}) recording each call before it is made. */
    Topology.Maker recording(Class<?> api, Topology.Maker maker) {
        Topology.Maker recorded = (config, clock) -> {
            Object target = maker.make(config, clock);
            calls = List.of();
            last = null;
            total = 0;
            return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
                record(
                        method.getName(),
                        method.getName() + "("
                                + (args == null
                                        ? ""
                                        : Arrays.stream(args).map(CallLog::show).collect(Collectors.joining(", ")))
                                + ")");
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        };
        return maker.type().map(type -> Topology.Maker.of(type, recorded)).orElse(recorded);
    }

    private void record(String method, String call) {
        total++;
        last = total + ". " + call;
        if (!OBSERVATIONS.contains(method)) {
            List<String> next = new ArrayList<>(calls);
            next.add(last);
            calls = List.copyOf(next.subList(Math.max(0, next.size() - KEPT), next.size()));
        }
    }

    /**
     * The operations on the latest implementation, numbered from its creation, and last the call still running.
     * Reads of the state ({@code stats()}, {@code highWatermark(0)}...) are left out unless one is that call.
     */
    List<String> numbered() {
        List<String> lines = new ArrayList<>(calls);
        String running = last;
        if (running != null && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(running))) {
            lines.add(running);
        }
        return lines;
    }

    private static String show(Object arg) {
        if (arg instanceof Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        }
        if (arg instanceof Message m) {
            return "message " + m.id() + (m.groupId() == null ? "" : " of group " + m.groupId());
        }
        if (arg instanceof ByteBuffer b) {
            return "<" + b.limit() + " bytes>";
        }
        return arg instanceof String s ? "\"" + s + "\"" : String.valueOf(arg);
    }
}
