package dev.queuelab.reference.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.workqueue.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The held messages' index, send order and free nodes, each rule at its edge. */
class StoredMessagesTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final StoredMessages stored = new StoredMessages();
    private final Lane lane = new Lane("");
    private long seq;

    /** A burst of {@code count} sends ("m0", "m1", ...), every node then removed and released. */
    private Stored[] drainedBurst(int count) {
        Stored[] burst = new Stored[count];
        for (int i = 0; i < count; i++) {
            burst[i] = add("m" + i);
        }
        for (Stored s : burst) {
            stored.remove(s);
            stored.release(s);
        }
        return burst;
    }

    private Stored add(String id) {
        return stored.add(Message.of(id, "body"), T0.plusSeconds(seq), ++seq, lane);
    }

    @Test
    void shouldKeepSendOrderWhenNodesLeaveFromAnywhere() {
        Stored a = add("a");
        Stored b = add("b");
        Stored c = add("c");
        stored.remove(b);
        assertThat(stored.oldest()).as("MS2: a, sent first").isSameAs(a);
        stored.remove(a);
        assertThat(stored.oldest()).as("MS2: c, once a and b left").isSameAs(c);
        assertThat(stored.get("b")).as("MS1: b is gone").isNull();
        assertThat(stored.get("c")).isSameAs(c);
        stored.remove(c);
        assertThat(stored.oldest()).isNull();
        assertThat(stored.size()).isZero();
    }

    @Test
    void shouldKeepTheOldestAsAModelDoesOverRandomSendsAndRemovals() {
        for (long seed = 1; seed <= 50; seed++) {
            StoredMessages held = new StoredMessages();
            LinkedHashMap<String, Stored> model = new LinkedHashMap<>(); // send order
            Random random = new Random(seed);
            for (int step = 0; step < 400; step++) {
                if (model.isEmpty() || random.nextInt(5) < 3) {
                    String id = "m" + random.nextInt(100);
                    if (!model.containsKey(id)) {
                        model.put(id, held.add(Message.of(id, "body"), T0, ++seq, lane));
                    }
                } else {
                    List<String> ids = new ArrayList<>(model.keySet()); // from anywhere: first, last, between
                    Stored s = model.remove(ids.get(random.nextInt(ids.size())));
                    held.remove(s);
                    held.release(s);
                }
                Stored oldest = held.oldest();
                assertThat(oldest == null ? null : oldest.message.id())
                        .as("MS2: the oldest held, seed %d, step %d", seed, step)
                        .isEqualTo(
                                model.isEmpty()
                                        ? null
                                        : model.keySet().iterator().next());
                assertThat(held.size())
                        .as("MS1: size, seed %d, step %d", seed, step)
                        .isEqualTo(model.size());
            }
        }
    }

    @Test
    void shouldServeALaterMessageFromAReleasedNodeWithEveryFieldSetAgain() {
        Stored first = add("first");
        first.receives = 3;
        stored.remove(first);
        stored.release(first);
        assertThat(first.message).as("MS3: a free node holds no message").isNull();
        Stored next = add("next");
        assertThat(next).as("MS3: the free node serves the next send").isSameAs(first);
        assertThat(next.message.id()).isEqualTo("next");
        assertThat(next.receives).as("MS3: its receive count starts again").isZero();
        assertThat(next.receipt).isNull();
        assertThat(stored.get("first")).isNull();
        assertThat(stored.get("next")).isSameAs(next);
    }

    @Test
    void shouldRefuseAReleaseOfAHeldNodeAndASecondRelease() {
        Stored held = add("held");
        assertThatThrownBy(() -> stored.release(held)).hasMessageContaining("MS3");
        stored.remove(held);
        stored.release(held);
        assertThatThrownBy(() -> stored.release(held)).hasMessageContaining("MS3");
        assertThatThrownBy(() -> {
                    add("twice");
                    add("twice");
                })
                .hasMessageContaining("MS1");
        assertThat(stored.size()).as("MS1: the refused add changed nothing").isEqualTo(1);
    }

    @Test
    void shouldKeepAtMostFreeMaxNodesWhenABurstDrains() {
        Stored[] burst = drainedBurst(StoredMessages.FREE_MAX + 10);
        int reused = 0;
        for (int i = 0; i < burst.length; i++) {
            Stored s = add("again" + i);
            for (Stored old : burst) {
                reused += old == s ? 1 : 0;
            }
        }
        assertThat(reused).as("MS3: only FREE_MAX nodes were kept").isEqualTo(StoredMessages.FREE_MAX);
    }

    @Test
    void shouldGiveADroppedNodesHandleToANewNodeAndFindEveryIdByIt() {
        Stored[] burst = drainedBurst(StoredMessages.FREE_MAX + 36);
        Set<Integer> handles = new HashSet<>();
        for (int i = 0; i < burst.length; i++) {
            Stored s = add("again" + i);
            assertThat(s.handle).as("MS4: a handle from the arena, not past it").isLessThan(burst.length);
            assertThat(handles.add(s.handle))
                    .as("MS4: no two held nodes share a handle")
                    .isTrue();
        }
        for (int i = 0; i < burst.length; i++) {
            assertThat(stored.get("again" + i).message.id()).as("MS1, MS4").isEqualTo("again" + i);
            assertThat(stored.get("m" + i)).isNull();
        }
    }
}
