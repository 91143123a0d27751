package dev.queuelab.reference.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The flat id index held to a plain {@code HashMap} on random histories of puts, gets and removes. */
class IdIndexTest {

    /**
     * Ids that crowd the table: runs of counting ids (neighbouring slots), ids with equal hashes ("Aa" and
     * "BB" hash alike, so any string built from those blocks does), and ids whose hash is 0.
     */
    private static List<String> ids(Random random, int count) {
        List<String> ids = new ArrayList<>();
        String[] blocks = {"Aa", "BB"};
        for (int i = 0; i < count; i++) {
            switch (i % 4) {
                case 0 -> ids.add(Long.toString(1_000 + i));
                case 1 -> ids.add("held-" + i);
                case 2 -> {
                    StringBuilder id = new StringBuilder();
                    for (int b = 0; b < 4; b++) {
                        id.append(blocks[random.nextInt(2)]);
                    }
                    ids.add(id.toString());
                }
                default -> ids.add(i % 8 == 3 ? "" + (char) 0 + i : Integer.toHexString(random.nextInt()));
            }
        }
        ids.add(""); // "".hashCode() is 0
        return ids;
    }

    @Test
    void shouldAnswerAsAHashMapWhenPutsAndRemovesInterleave() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<String> ids = ids(random, 8 + random.nextInt(300));
            IdIndex<Integer> index = new IdIndex<>();
            Map<String, Integer> model = new HashMap<>();
            int steps = 2_000;
            for (int step = 0; step < steps; step++) {
                String id = ids.get(random.nextInt(ids.size()));
                String where =
                        "seed " + seed + ", step " + step + ", id " + id + " (replay: IdIndexTest with this seed)";
                // a history that fills the table, then drains most of it, so runs form and break up
                boolean filling = (step / 500) % 2 == 0;
                int op = random.nextInt(10);
                if (op < (filling ? 6 : 2)) {
                    assertThat(index.put(id, step))
                            .as("IX1: put's previous node, " + where)
                            .isEqualTo(model.put(id, step));
                } else if (op < 8) {
                    assertThat(index.remove(id))
                            .as("IX1, IX2: remove's node, " + where)
                            .isEqualTo(model.remove(id));
                } else {
                    assertThat(index.get(id)).as("IX1: get, " + where).isEqualTo(model.get(id));
                }
                assertThat(index.size()).as("IX1: size, " + where).isEqualTo(model.size());
            }
            for (String id : ids) {
                assertThat(index.get(id))
                        .as("IX1, IX2: every id at the end, seed " + seed + ", id " + id)
                        .isEqualTo(model.get(id));
            }
            assertThat(index.capacity())
                    .as("IX3: at most half full, seed " + seed)
                    .isGreaterThanOrEqualTo(2 * index.size());
        }
    }

    @Test
    void shouldFindEveryIdWhenARunIsRemovedFromItsMiddle() {
        IdIndex<String> index = new IdIndex<>();
        List<String> ids = List.of("AaAa", "AaBB", "BBAa", "BBBB", "x"); // the first four share one hash
        for (String id : ids) {
            index.put(id, id);
        }
        index.remove("AaBB");
        assertThat(index.get("BBBB")).as("IX2: the run closed over the hole").isEqualTo("BBBB");
        assertThat(index.get("AaBB")).as("IX1: removed").isNull();
        index.remove("AaAa");
        assertThat(index.get("BBAa")).isEqualTo("BBAa");
        assertThat(index.get("BBBB")).isEqualTo("BBBB");
        assertThat(index.get("x")).isEqualTo("x");
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void shouldGrowPastHalfFullAndNeverShrink() {
        IdIndex<Integer> index = new IdIndex<>();
        for (int i = 0; i < 1_000; i++) {
            index.put(Integer.toString(i), i);
        }
        assertThat(index.capacity())
                .as("IX3: 1,000 ids in at least 2,000 slots")
                .isEqualTo(2048);
        for (int i = 0; i < 1_000; i++) {
            assertThat(index.remove(Integer.toString(i))).isEqualTo(i);
        }
        assertThat(index.capacity()).as("IX3: never shrinks").isEqualTo(2048);
        assertThat(index.size()).isZero();
    }
}
