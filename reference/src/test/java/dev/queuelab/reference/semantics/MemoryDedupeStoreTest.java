package dev.queuelab.reference.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.SimClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DD1 to DD3 on the simulated clock: a half-open TTL, and a size bound that evicts oldest first and counts it.
 * A probe that never meets an empty slot loops for ever, so every test has a minute, on a thread of its own.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryDedupeStoreTest {

    private final SimClock clock = new SimClock();

    @Test
    void shouldRememberAKeyForExactlyItsTtlHalfOpen() {
        MemoryDedupeStore store = new MemoryDedupeStore(Duration.ofSeconds(10), 100, clock);
        store.mark("k1");
        clock.advance(Duration.ofMillis(9_999));
        assertThat(store.seen("k1")).as("DD1: at t + ttl - 1ms").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.seen("k1")).as("DD2: at t + ttl").isFalse();
        assertThat(store.size()).isZero();
    }

    @Test
    void shouldKeepTheFirstMarkWhenAKeyIsMarkedAgain() {
        MemoryDedupeStore store = new MemoryDedupeStore(Duration.ofSeconds(10), 100, clock);
        store.mark("k1");
        clock.advance(Duration.ofSeconds(5));
        store.mark("k1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.seen("k1")).as("DD1: a second mark changes nothing").isFalse();
    }

    @Test
    void shouldEvictTheOldestFirstAndCountIt() {
        MemoryDedupeStore store = new MemoryDedupeStore(Duration.ofHours(1), 2, clock);
        store.mark("k1");
        clock.advance(Duration.ofSeconds(1));
        store.mark("k2");
        store.mark("k3");
        assertThat(store.seen("k1")).as("DD3: the oldest goes").isFalse();
        assertThat(store.seen("k2")).isTrue();
        assertThat(store.seen("k3")).isTrue();
        assertThat(store.evictions()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void shouldNotCountAKeyThatExpiredAsAnEviction() {
        MemoryDedupeStore store = new MemoryDedupeStore(Duration.ofSeconds(1), 1, clock);
        store.mark("k1");
        clock.advance(Duration.ofSeconds(1));
        store.mark("k2");
        assertThat(store.evictions()).isZero();
    }

    @Test
    void shouldRefuseANonPositiveTtlOrSize() {
        assertThatThrownBy(() -> new MemoryDedupeStore(Duration.ZERO, 1, clock)).hasMessageContaining("ttl");
        assertThatThrownBy(() -> new MemoryDedupeStore(Duration.ofSeconds(1), 0, clock))
                .hasMessageContaining("maxKeys");
    }

    /**
     * The flat layout (ring, open-addressing index, growth, backward-shift deletion) against a plain model of
     * DD1 to DD3: a map in mark order. Small key pools and sizes make probe runs, wraps, growth and evictions
     * common, and half the keys share one hash (so a probe meets keys whose hash matches and whose text does
     * not); every answer, the size and the eviction count must agree after every step. DD4 is held through
     * them: were the oldest key ever off its home slot, forgetting it would drop another key from the index.
     * Half the marks are {@code markIfAbsent}, whose answer must be whether the model held the key.
     */
    @Test
    void shouldAgreeWithAPlainModelOfItsInvariantsOnRandomHistories() {
        for (long seed = 1; seed <= 300; seed++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            SimClock time = new SimClock();
            long ttl = 1 + random.nextInt(20);
            int maxKeys = 1 + random.nextInt(40);
            MemoryDedupeStore store = new MemoryDedupeStore(Duration.ofSeconds(ttl), maxKeys, time);
            java.util.LinkedHashMap<String, Long> model = new java.util.LinkedHashMap<>();
            long modelEvictions = 0;
            int pool = 1 + random.nextInt(80);
            for (int step = 0; step < 1_500; step++) {
                String what = "seed " + seed + " step " + step;
                long now = time.instant().toEpochMilli();
                model.values().removeIf(at -> at + ttl * 1_000 <= now);
                String key = random.nextBoolean() ? "k" + random.nextInt(pool) : sameHash(random.nextInt(pool));
                switch (random.nextInt(4)) {
                    case 0 -> time.advance(Duration.ofMillis(random.nextInt(3_000)));
                    case 1 -> assertThat(store.seen(key)).as(what).isEqualTo(model.containsKey(key));
                    default -> {
                        boolean fresh = !model.containsKey(key);
                        if (random.nextBoolean()) {
                            store.mark(key);
                        } else {
                            assertThat(store.markIfAbsent(key))
                                    .as(what + ": markIfAbsent")
                                    .isEqualTo(fresh);
                        }
                        if (fresh) {
                            if (model.size() == maxKeys) {
                                model.remove(model.keySet().iterator().next());
                                modelEvictions++;
                            }
                            model.put(key, now);
                        }
                    }
                }
                assertThat(store.evictions()).as(what).isEqualTo(modelEvictions);
                if (seed % 2 == 0) { // size() forgets what expired, so odd seeds leave that to seen() and mark()
                    long later = time.instant().toEpochMilli();
                    model.values().removeIf(at -> at + ttl * 1_000 <= later);
                    assertThat(store.size()).as(what).isEqualTo(model.size());
                }
            }
            assertThat(store.size()).as("seed " + seed).isLessThanOrEqualTo(maxKeys);
            assertThat(store.ttl()).isEqualTo(Duration.ofSeconds(ttl));
        }
    }

    /** One of 128 keys whose hashes are all equal: "Aa" and "BB" hash alike, so do strings made of them. */
    private static String sameHash(int n) {
        StringBuilder key = new StringBuilder();
        for (int bit = 0; bit < 7; bit++) {
            key.append((n >>> bit & 1) == 0 ? "Aa" : "BB");
        }
        return key.toString();
    }
}
