package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log put together from parts: KB1 (one config and rules for every part), KB2 (fresh parts per build). */
class KafkaLogBuilderTest extends LogFixture {

    private static final LogConfig TWO = LogConfig.of(2);

    /** Rules that send every key to partition 1, to see which parts were given them. */
    private static final class EverythingToOne extends LogRules {
        @Override
        protected int partitionForKey(String key, int numPartitions) {
            return 1;
        }
    }

    @Test
    void shouldDecideByTheGivenRulesWhenBuiltWithThem() {
        KafkaLog log = KafkaLog.builder(TWO, clock).rules(new EverythingToOne()).build();
        assertThat(log.append("k-of-partition-0", "v", Map.of()).partition())
                .as("KB1: the log decides by the rules it was given, not the reference's")
                .isEqualTo(1);
    }

    @Test
    void shouldHandTheSameRulesAndConfigToEveryPartWhenBuilt() {
        List<String> made = new ArrayList<>();
        LogRules rules = new EverythingToOne();
        KafkaLog.builder(TWO, clock)
                .rules(rules)
                .partitions((id, config, r, storage) -> {
                    made.add("p" + id + (r == rules && config == TWO ? " ok" : " other"));
                    return new Partition(id, config, r, storage);
                })
                .groups((config, r) -> {
                    made.add("groups" + (r == rules && config == TWO ? " ok" : " other"));
                    return new GroupCoordinator(config, r);
                })
                .build();
        assertThat(made).as("KB1").containsExactly("p0 ok", "p1 ok", "groups ok");
    }

    @Test
    void shouldCallTheReplacedPartWhenAGroupCoordinatorIsGiven() {
        List<String> joins = new ArrayList<>();
        KafkaLog log = KafkaLog.builder(TWO, clock)
                .groups((config, rules) -> new GroupCoordinator(config, rules) {
                    @Override
                    public Assignment join(String group, String memberId, Instant now) {
                        joins.add(memberId);
                        return super.join(group, memberId, now);
                    }
                })
                .build();
        log.join("g", "A");
        assertThat(joins)
                .as("the log's join went to the coordinator it was given")
                .containsExactly("A");
    }

    @Test
    void shouldShareNothingWhenTwoLogsAreBuiltFromOneBuilder() {
        KafkaLogBuilder builder = KafkaLog.builder(TWO, clock);
        KafkaLog first = builder.build();
        KafkaLog second = builder.build();
        first.append(0, new ProducerRecord(null, "only in the first", Map.of()));
        first.join("g", "A");
        assertThat(second.highWatermark(0)).as("KB2: fresh partitions").isZero();
        assertThat(second.groups()).as("KB2: a fresh coordinator").isEmpty();
    }

    @Test
    void shouldNameThePartWhenAFactoryGivesNothing() {
        assertThatThrownBy(() ->
                        KafkaLog.builder(TWO, clock).groups((c, r) -> null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("groups");
        assertThatThrownBy(() -> KafkaLog.builder(TWO, clock).rules(null)).hasMessageContaining("LogRules.REFERENCE");
    }
}
