package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One invariant-id registry: every id cited in code, rules and docs is defined exactly once, where it says. */
class InvariantIdsTest {

    private static final String REGISTRY = String.join(
            "\n",
            "| prefix | ids | what | defined in |",
            "|---|---|---|---|",
            "| `L` | L1-L3 | the log | [KafkaLog](../reference/KafkaLog.java) |",
            "| `R` | R1-R2 | crash rules | [CrashRule](../durability/CrashRule.java) |");

    private static final String KAFKA_LOG = String.join(
            "\n",
            "/**",
            " * Invariants:",
            " *   L1 offsets are dense;",
            " *   L2 keys keep order;",
            " *   L3 reads stay in bounds.",
            " */",
            "public final class KafkaLog {}");

    @Test
    void shouldFindNoProblemInTheProject() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertThat(InvariantIds.check(root))
                .as("docs/invariants.md against every source and doc")
                .isEmpty();
    }

    @Test
    void shouldAcceptIdsDefinedOnceAndCitedOrRestatedByName() {
        InvariantIds ids = new InvariantIds(REGISTRY);
        ids.file("reference/KafkaLog.java", KAFKA_LOG);
        ids.file(
                "durability/CrashRule.java",
                "enum CrashRule {\n  LOST(\n    \"R1 kept\"),\n  X(\n    \"R2 same\");\n}");
        ids.file(
                "reference/Partition.java",
                "/**\n * Invariants (numbered as in {@link KafkaLog}):\n *   L1 dense\n */\nclass Partition {}");
        ids.file("docs/log.md", "L1 to L3 hold; R2 too; producers P1 and consumers C1 are names, not ids.");
        assertThat(ids.families()).containsOnlyKeys("L", "R");
        assertThat(ids.finish()).isEmpty();
    }

    @Test
    void shouldNameAnIdDefinedTwiceCitedUnregisteredOrNeverDefined() {
        InvariantIds ids = new InvariantIds(REGISTRY);
        ids.file("reference/KafkaLog.java", KAFKA_LOG);
        ids.file(
                "reference/LeaseList.java", "/**\n * Invariants:\n *   L1 the earliest lease\n */\nclass LeaseList {}");
        ids.file("reference/Other.java", "/**\n * Invariants:\n *   Q1 something\n */\nclass Other {}");
        ids.file("docs/log.md", "as L4 says");
        assertThat(ids.finish())
                .containsExactly(
                        "reference/LeaseList.java: defines L1 again; KafkaLog defines it: cite it, or restate it under"
                                + " \"Invariants (numbered as in {@link KafkaLog})\"",
                        "reference/Other.java: defines Q1, but docs/invariants.md has no prefix Q: register the prefix"
                                + " with the class that defines it",
                        "docs/log.md: cites L4, which docs/invariants.md does not hold (L1-L3)",
                        "durability/CrashRule.java: does not define R1, which docs/invariants.md says it does",
                        "durability/CrashRule.java: does not define R2, which docs/invariants.md says it does");
    }

    @Test
    void shouldLetThePackagesClassesDefineItsIdsBetweenThemEachOnce() {
        InvariantIds ids = new InvariantIds("| `EX` | EX1-EX2 | the broker | [exchange](../reference/exchange/) |");
        ids.file("reference/exchange/Broker.java", "/**\n * Invariants:\n *   EX1 routed\n */\nclass Broker {}");
        ids.file("reference/exchange/Queue.java", "/**\n * Invariants:\n *   EX2 ordered\n */\nclass Queue {}");
        assertThat(ids.finish()).isEmpty();
        ids.file("reference/exchange/Channel.java", "/**\n * Invariants:\n *   EX2 again\n */\nclass Channel {}");
        assertThat(ids.finish())
                .containsExactly("reference/exchange/Channel.java: defines EX2, which reference/exchange/Queue.java"
                        + " defines already");
    }

    @Test
    void shouldNameAPrefixRegisteredTwice() {
        InvariantIds ids = new InvariantIds(REGISTRY + "\n| `L` | L1 | again | [Other](../reference/Other.java) |");
        assertThat(ids.finish()).contains("docs/invariants.md: prefix L is registered twice");
    }
}
