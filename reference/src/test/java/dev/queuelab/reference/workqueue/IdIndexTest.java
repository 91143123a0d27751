package dev.queuelab.reference.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flat id index held to a plain {@code HashMap} on random histories of puts, gets and removes. A handle is
 * the step that put it, and {@code keys} names it by the id that step put: the index's own arena.
 */
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
            int steps = 2_000;
            String[] idOf = new String[steps];
            List<Integer> asked = new ArrayList<>();
            IdIndex index = new IdIndex(handle -> {
                asked.add(handle);
                return idOf[handle];
            });
            Map<String, Integer> model = new HashMap<>();
            String last = ids.get(0);
            for (int step = 0; step < steps; step++) {
                // IX5: the last step's id object again (a send's check then put, an ack's get then remove),
                // or an equal copy of it, which the last probe must not answer
                int pick = random.nextInt(10);
                String id = pick < 3 ? last : pick == 3 ? new String(last) : ids.get(random.nextInt(ids.size()));
                last = id;
                String where =
                        "seed " + seed + ", step " + step + ", id " + id + " (replay: IdIndexTest with this seed)";
                // a history that fills the table, then drains most of it, so runs form and break up
                boolean filling = (step / 500) % 2 == 0;
                int op = random.nextInt(10);
                asked.clear();
                Integer previous = model.get(id); // in the table until this step replaces or removes it
                if (op < (filling ? 6 : 2)) {
                    idOf[step] = id;
                    assertThat(index.put(id, step))
                            .as("IX1: put's previous handle, " + where)
                            .isEqualTo(handle(model.put(id, step)));
                } else if (op < 8) {
                    assertThat(index.remove(id))
                            .as("IX1, IX2: remove's handle, " + where)
                            .isEqualTo(handle(model.remove(id)));
                } else {
                    assertThat(index.get(id)).as("IX1: get, " + where).isEqualTo(handle(model.get(id)));
                }
                for (int handle : asked) {
                    assertThat(Integer.valueOf(handle).equals(previous)
                                    || Integer.valueOf(handle).equals(model.get(idOf[handle])))
                            .as("IX4: keys asked for handle " + handle + ", not in the table, " + where)
                            .isTrue();
                }
                assertThat(index.size()).as("IX1: size, " + where).isEqualTo(model.size());
            }
            for (String id : ids) {
                assertThat(index.get(id))
                        .as("IX1, IX2: every id at the end, seed " + seed + ", id " + id)
                        .isEqualTo(handle(model.get(id)));
            }
            assertThat(index.capacity())
                    .as("IX3: at most a quarter full, seed " + seed)
                    .isGreaterThanOrEqualTo(4 * index.size());
        }
    }

    @Test
    void shouldFindEveryIdWhenARunIsRemovedFromItsMiddle() {
        List<String> ids = List.of("AaAa", "AaBB", "BBAa", "BBBB", "x"); // the first four share one hash
        IdIndex index = new IdIndex(ids::get);
        for (int handle = 0; handle < ids.size(); handle++) {
            index.put(ids.get(handle), handle);
        }
        index.remove("AaBB");
        assertThat(index.get("BBBB")).as("IX2: the run closed over the hole").isEqualTo(3);
        assertThat(index.get("AaBB")).as("IX1: removed").isEqualTo(IdIndex.ABSENT);
        index.remove("AaAa");
        assertThat(index.get("BBAa")).isEqualTo(2);
        assertThat(index.get("BBBB")).isEqualTo(3);
        assertThat(index.get("x")).isEqualTo(4);
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void shouldAnswerTheSameIdObjectFromItsLastProbeUntilTheTableChanges() {
        List<String> ids = List.of("AaAa", "AaBB", "BBAa", "BBBB"); // one hash: a probe asks keys on the way
        List<Integer> asked = new ArrayList<>();
        IdIndex index = new IdIndex(handle -> {
            asked.add(handle);
            return ids.get(handle);
        });
        for (int handle = 0; handle < ids.size(); handle++) {
            index.put(ids.get(handle), handle);
        }
        String last = ids.get(3);
        assertThat(index.get(ids.get(0))).isEqualTo(0); // the last probe is of another id now
        asked.clear();
        assertThat(index.get(last)).isEqualTo(3);
        assertThat(asked).as("the first probe walks the run").isNotEmpty();
        asked.clear();
        assertThat(index.get(last)).isEqualTo(3);
        assertThat(asked)
                .as("IX5: the same object again, the table unchanged: no walk")
                .isEmpty();
        assertThat(index.get(new String(last))).isEqualTo(3);
        assertThat(asked).as("IX5: an equal copy is probed").isNotEmpty();
        index.remove(ids.get(0)); // the run moves back one slot
        asked.clear();
        assertThat(index.get(last)).isEqualTo(3);
        assertThat(asked).as("IX5: the table changed: probed again").isNotEmpty();
        assertThat(index.remove(last)).isEqualTo(3);
        assertThat(index.get(last)).as("IX1: removed").isEqualTo(IdIndex.ABSENT);
    }

    @Test
    void shouldGrowPastAQuarterFullAndNeverShrink() {
        IdIndex index = new IdIndex(Integer::toString);
        for (int i = 0; i < 1_024; i++) {
            index.put(Integer.toString(i), i);
        }
        assertThat(index.capacity())
                .as("IX3: 1,024 ids, a quarter of 4,096 slots")
                .isEqualTo(4096);
        index.put("1024", 1_024);
        assertThat(index.capacity()).as("IX3: the 1,025th doubles it").isEqualTo(8192);
        for (int i = 0; i <= 1_024; i++) {
            assertThat(index.remove(Integer.toString(i))).isEqualTo(i);
        }
        assertThat(index.capacity()).as("IX3: never shrinks").isEqualTo(8192);
        assertThat(index.size()).isZero();
    }

    private static int handle(Integer node) {
        return node == null ? IdIndex.ABSENT : node;
    }
}
