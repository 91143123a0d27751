package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recomputes every client's buffer from the calls alone (who was connected and subscribed at each publish,
 * which patterns match by {@link GlobModel}, when the limits close a client) and holds each answer to it. A
 * wrong receiver count is reported after any anomaly a read shows, since the read says what went wrong.
 */
final class BroadcastModel implements Model<BroadcastEvent> {

    /** One message a client should read: the publish it came from, and how it reached the client. */
    private record Due(int publish, Pushed pushed, int step, boolean othersSlow) {}

    /** The model's view of one client. */
    private static final class Client {
        boolean connected;
        boolean closedByServer;
        final Set<String> channels = new LinkedHashSet<>();
        final Set<String> patterns = new LinkedHashSet<>();
        /** What a client closed by its buffer limit held when it was closed: what it would still get if not. */
        final Set<String> heldAtClose = new HashSet<>();

        final List<Due> buffer = new ArrayList<>();
        final List<Due> skipped = new ArrayList<>();
        final Set<Pushed> read = new HashSet<>();
        long bytes;
        long softSince = -1;
        /** Its buffer went under the soft limit (a read) since softSince, with no append to see it. */
        boolean dipped;
        /** Closed by a soft limit its buffer had left since it first reached it. */
        boolean closedAfterDip;
    }

    /**
     * Said of an anomaly where a server that judges the soft limit continuously (Redis, from its clients' cron)
     * and one that judges it at appends part ways: a client held over it past its seconds with nothing appended,
     * and one closed by a soft limit its buffer had left without an append to see it.
     */
    static final String PAST_SOFT = " (a client held over its soft limit past its seconds)";

    static final String AFTER_DIP = " (closed by a soft limit its buffer had left since)";

    private final BroadcastConfig config;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Anomaly> counts = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private final Map<String, Client> clients = new TreeMap<>();
    private final Map<String, Integer> publishes = new HashMap<>();

    BroadcastModel(BroadcastConfig config) {
        this.config = config;
    }

    @Override
    public void apply(BroadcastEvent event, Op op) {
        if (event instanceof BroadcastEvent.Connection e) {
            connection(e);
        } else if (event instanceof BroadcastEvent.Subscribed e) {
            subscribed(e);
        } else if (event instanceof BroadcastEvent.Published e) {
            published(e);
        } else if (event instanceof BroadcastEvent.Read e) {
            read(e);
        } else if (event instanceof BroadcastEvent.Threw e) {
            anomalies.add(BroadcastRule.OPERATION_FAILED.found(e.step(), e.error()));
        }
    }

    private Client client(String name) {
        return clients.computeIfAbsent(name, k -> new Client());
    }

    /** A call's true/false against the model's view of the connection; a mismatch is a disconnect misjudged. */
    private void answered(int step, Client c, String name, boolean expected, boolean answered, String call) {
        if (expected == answered) {
            return;
        }
        boolean closedNotSeen = c.closedByServer;
        anomalies.add((closedNotSeen ? BroadcastRule.DISCONNECT_MISSED : BroadcastRule.DISCONNECT_UNWARRANTED)
                .found(
                        step,
                        call + " for " + name + " answered " + answered + "; " + name + " is "
                                + (c.connected
                                        ? "connected"
                                        : closedNotSeen ? "closed by its buffer limit" : "not connected")));
    }

    private void connection(BroadcastEvent.Connection e) {
        Client c = client(e.consumer());
        boolean expected = e.connect() != c.connected;
        answered(e.step(), c, e.consumer(), expected, e.done(), e.connect() ? "connect" : "disconnect");
        if (expected) {
            c.connected = e.connect();
            c.closedByServer = false;
            forget(c);
        }
    }

    private void subscribed(BroadcastEvent.Subscribed e) {
        Client c = client(e.consumer());
        answered(
                e.step(),
                c,
                e.consumer(),
                c.connected,
                e.done(),
                e.verb().name().toLowerCase());
        if (c.connected) {
            Set<String> set = e.verb().pattern() ? c.patterns : c.channels;
            if (e.verb().adds()) {
                set.add(e.target());
            } else {
                set.remove(e.target());
            }
        }
    }

    private void published(BroadcastEvent.Published e) {
        int publish = publishes.size() + 1;
        publishes.put(e.payload(), publish);
        long now = e.at().getEpochSecond();
        long bytes = e.payload().getBytes(StandardCharsets.UTF_8).length;
        int receivers = 0;
        int offline = 0;
        int ghosts = 0;
        boolean slowBefore = othersAtSoftLimit(null);
        boolean pastSoftBefore = clients.values().stream().anyMatch(c -> pastSoft(c, now));
        int fastReceivers = 0;
        List<Client> closing = new ArrayList<>();
        for (Client c : clients.values()) {
            List<Pushed> due = new ArrayList<>();
            if (c.connected && c.channels.contains(e.channel())) {
                due.add(Pushed.message(e.channel(), e.payload()));
            }
            for (String p : c.connected ? c.patterns : Set.<String>of()) {
                if (GlobModel.matches(p, e.channel())) {
                    due.add(Pushed.pmessage(p, e.channel(), e.payload()));
                    label(p, e.channel());
                }
            }
            offline += c.connected ? 0 : 1;
            if (c.closedByServer) {
                ghosts += (int) c.heldAtClose.stream()
                        .filter(h -> h.equals("channel " + e.channel())
                                || h.startsWith("pattern ") && GlobModel.matches(h.substring(8), e.channel()))
                        .count();
            }
            receivers += due.size();
            if (!atSoftLimit(c)) {
                fastReceivers += due.size();
            }
            if (due.size() > 1 && due.get(0).pattern() == null) {
                coverage.add("a client matched by its channel and a pattern");
            }
            boolean othersSlow = othersAtSoftLimit(c);
            for (Pushed p : due) {
                if (closing.contains(c)) {
                    break;
                }
                c.buffer.add(new Due(publish, p, e.step(), othersSlow));
                c.bytes += bytes;
                if (closes(c, now)) {
                    closing.add(c);
                }
            }
        }
        if (offline > 0) {
            coverage.add("a publish while a client is offline");
        }
        for (Client c : closing) {
            coverage.add(
                    c.bytes >= config.hardLimitBytes() && config.hardLimitBytes() > 0
                            ? "closed at the hard limit"
                            : "closed at the soft limit past its seconds");
            c.connected = false;
            c.closedByServer = true;
            Set<String> held = new HashSet<>();
            c.channels.forEach(ch -> held.add("channel " + ch));
            c.patterns.forEach(p -> held.add("pattern " + p));
            forget(c);
            c.heldAtClose.addAll(held);
        }
        if (ghosts > 0 && e.receivers() == receivers + ghosts) {
            anomalies.add(BroadcastRule.DISCONNECT_MISSED.found(
                    e.step(),
                    "expected " + receivers + " receivers, answered " + e.receivers()
                            + ": a client closed by its buffer limit still counted"
                            + (clients.values().stream().anyMatch(c -> c.closedByServer && c.closedAfterDip)
                                    ? AFTER_DIP
                                    : "")));
        } else if (slowBefore && fastReceivers > 0 && e.receivers() < receivers) {
            anomalies.add(BroadcastRule.SLOW_SUBSCRIBER_HARM.found(
                    e.step(),
                    "expected " + receivers + " receivers, answered " + e.receivers()
                            + " while a client's buffer was at its soft limit"
                            + (pastSoftBefore ? PAST_SOFT : "")));
        } else if (receivers != e.receivers()) {
            counts.add(BroadcastRule.WRONG_RECEIVERS.found(
                    e.step(), "expected " + receivers + " receivers, answered " + e.receivers()));
        }
    }

    /** BC6 as the model reads it: at an append, the hard limit at once, the soft limit once held too long. */
    private boolean closes(Client c, long now) {
        boolean soft = config.softLimitBytes() > 0 && c.bytes >= config.softLimitBytes();
        if (!soft) {
            c.softSince = -1;
            c.dipped = false;
        } else if (c.softSince < 0) {
            c.softSince = now;
            soft = false;
        } else {
            soft = now - c.softSince > config.softSeconds();
        }
        boolean hard = config.hardLimitBytes() > 0 && c.bytes >= config.hardLimitBytes();
        c.closedAfterDip = soft && !hard && c.dipped;
        return soft || hard;
    }

    /** Connected, at or over the soft limit now, and first seen there more than the soft seconds ago. */
    private boolean pastSoft(Client c, long now) {
        return c.connected
                && config.softLimitBytes() > 0
                && c.bytes >= config.softLimitBytes()
                && c.softSince >= 0
                && now - c.softSince > config.softSeconds();
    }

    private boolean atSoftLimit(Client c) {
        long limit = config.softLimitBytes() > 0 ? config.softLimitBytes() : config.hardLimitBytes();
        return limit > 0 && c.connected && c.bytes >= limit;
    }

    private boolean othersAtSoftLimit(Client self) {
        long limit = config.softLimitBytes() > 0 ? config.softLimitBytes() : config.hardLimitBytes();
        return limit > 0 && clients.values().stream().anyMatch(o -> o != self && o.connected && o.bytes >= limit);
    }

    private void label(String pattern, String channel) {
        if (pattern.contains("*") && GlobModel.matches(pattern.replace("*", ""), channel)) {
            coverage.add("'*' matching nothing");
        }
        if (pattern.contains("[")) {
            coverage.add("a class matching");
        }
        if (pattern.contains("\\")) {
            coverage.add("an escape matching");
        }
    }

    private void read(BroadcastEvent.Read e) {
        Client c = client(e.consumer());
        if (c.connected && othersAtSoftLimit(c)) {
            coverage.add("a read while another client is at its soft limit");
        }
        Inbox.State expected = c.connected
                ? Inbox.State.CONNECTED
                : c.closedByServer ? Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT : Inbox.State.NOT_CONNECTED;
        if (expected != e.inbox().state()) {
            anomalies.add((expected == Inbox.State.CONNECTED
                            ? BroadcastRule.DISCONNECT_UNWARRANTED
                            : expected == Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT
                                    ? BroadcastRule.DISCONNECT_MISSED
                                    : BroadcastRule.UNEXPECTED)
                    .found(
                            e.step(),
                            e.consumer() + " is " + expected.name().toLowerCase() + ", the read said "
                                    + e.inbox().state().name().toLowerCase()
                                    + (pastSoft(c, e.at().getEpochSecond()) ? PAST_SOFT : "")
                                    + (c.closedByServer && c.closedAfterDip ? AFTER_DIP : "")));
        }
        if (e.inbox().messages().size() > e.max()) {
            anomalies.add(BroadcastRule.UNEXPECTED.found(
                    e.step(),
                    "asked for up to " + e.max() + ", got "
                            + e.inbox().messages().size()));
        }
        for (Pushed p : e.inbox().messages()) {
            take(e, c, p);
        }
        int owed = Math.min(e.max(), e.inbox().messages().size() + c.buffer.size())
                - e.inbox().messages().size();
        for (int i = 0; i < owed && !c.buffer.isEmpty(); i++) {
            Due gone = c.buffer.remove(0);
            c.bytes -= gone.pushed().payload().getBytes(StandardCharsets.UTF_8).length;
            missing(e.step(), e.consumer(), gone);
        }
        if (c.softSince >= 0 && c.bytes < config.softLimitBytes()) {
            c.dipped = true;
        }
    }

    private void take(BroadcastEvent.Read e, Client c, Pushed p) {
        Integer publish = publishes.get(p.payload());
        String who = e.consumer() + " read " + p;
        for (int i = 0; i < c.buffer.size(); i++) {
            Due d = c.buffer.get(i);
            if (d.pushed().equals(p)) {
                for (Due earlier : List.copyOf(c.buffer.subList(0, i))) {
                    if (earlier.publish() < d.publish()) {
                        c.skipped.add(earlier);
                        c.buffer.remove(earlier);
                    }
                }
                c.buffer.remove(d);
                c.bytes -= p.payload().getBytes(StandardCharsets.UTF_8).length;
                c.read.add(p);
                return;
            }
        }
        for (Iterator<Due> it = c.skipped.iterator(); it.hasNext(); ) {
            Due d = it.next();
            if (d.pushed().equals(p)) {
                it.remove();
                anomalies.add(BroadcastRule.REORDERED.found(e.step(), who + " after a message published after it"));
                return;
            }
        }
        if (publish == null) {
            anomalies.add(BroadcastRule.UNEXPECTED.found(e.step(), who + ", which was never published"));
        } else if (c.read.contains(p)) {
            anomalies.add(BroadcastRule.DUPLICATE.found(e.step(), who + " a second time"));
        } else if (p.pattern() != null && !GlobModel.matches(p.pattern(), p.channel())) {
            anomalies.add(BroadcastRule.MISROUTED.found(
                    e.step(), who + ", but '" + p.pattern() + "' does not match '" + p.channel() + "'"));
        } else {
            anomalies.add(BroadcastRule.UNEXPECTED.found(
                    e.step(), who + ", which was not due to it: offline, unsubscribed or closed when published"));
        }
    }

    private void missing(int step, String client, Due d) {
        boolean viaPattern = d.pushed().pattern() != null;
        anomalies.add((d.othersSlow()
                        ? BroadcastRule.SLOW_SUBSCRIBER_HARM
                        : viaPattern ? BroadcastRule.MISROUTED : BroadcastRule.LOST)
                .found(
                        step,
                        client + " never read " + d.pushed() + ", published at step " + d.step()
                                + (d.othersSlow() ? " while another client's buffer was at its soft limit" : "")));
    }

    private static void forget(Client c) {
        c.heldAtClose.clear();
        c.buffer.clear();
        c.skipped.clear();
        c.channels.clear();
        c.patterns.clear();
        c.bytes = 0;
        c.softSince = -1;
        c.dipped = false;
    }

    @Override
    public void finish(int lastStep) {
        clients.forEach((name, c) -> c.skipped.forEach(d -> missing(lastStep, name, d)));
    }

    @Override
    public List<Anomaly> anomalies() {
        List<Anomaly> all = new ArrayList<>(anomalies);
        all.addAll(counts);
        return all;
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }
}
