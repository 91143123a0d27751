package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.DefaultPartitioner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * L2: the partitioner is Kafka's. The hashes are the test vectors of Kafka's own UtilsTest.testMurmur2
 * (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java); the partitions follow from them by
 * toPositive(hash) % N, as BuiltInPartitioner.partitionForKey computes them.
 */
class DefaultPartitionerTest {

    private static int murmur2(String s) {
        return DefaultPartitioner.murmur2(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldHashAsKafkaDoesWhenGivenKafkasOwnTestVectors() {
        assertThat(murmur2("21")).as("L2: Kafka's vector for \"21\"").isEqualTo(-973932308);
        assertThat(murmur2("foobar")).as("L2: Kafka's vector for \"foobar\"").isEqualTo(-790332482);
        assertThat(murmur2("a-little-bit-long-string"))
                .as("L2: 24 bytes, no tail")
                .isEqualTo(-985981536);
        assertThat(murmur2("a-little-bit-longer-string"))
                .as("L2: 26 bytes, a tail of 2")
                .isEqualTo(-1486304829);
        assertThat(murmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"))
                .as("L2: 48 bytes")
                .isEqualTo(-58897971);
        assertThat(murmur2("abc")).as("L2: a tail of 3 only").isEqualTo(479470107);
    }

    @Test
    void shouldPickThePositiveHashModuloNWhenTheHashIsNegative() {
        // toPositive(-973932308) = 1173551340; 1173551340 % 3 = 0; toPositive(-790332482) = 1357151166, % 12 = 6
        assertThat(DefaultPartitioner.partition("21", 3))
                .as("L2: \"21\" on 3 partitions")
                .isEqualTo(0);
        assertThat(DefaultPartitioner.partition("foobar", 12))
                .as("L2: \"foobar\" on 12 partitions")
                .isEqualTo(6);
        assertThat(DefaultPartitioner.partition("abc", 6))
                .as("L2: 479470107 % 6")
                .isEqualTo(3);
        assertThat(DefaultPartitioner.partition("a-little-bit-longer-string", 5))
                .as("L2: toPositive(-1486304829) = 661178819, % 5")
                .isEqualTo(4);
    }

    @Test
    void shouldClearTheSignBitRatherThanNegateWhenMakingAHashPositive() {
        assertThat(DefaultPartitioner.toPositive(Integer.MIN_VALUE))
                .as("L2: Math.abs would stay negative here")
                .isZero();
        assertThat(DefaultPartitioner.toPositive(-1)).as("L2: -1 & 0x7fffffff").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldHashTheUtf8BytesWhenTheKeyIsNotAscii() {
        // "clé" is 4 bytes in UTF-8 (hash 1419575574) and 3 in ISO-8859-1 (hash 627951523, which would give 3)
        assertThat(murmur2("clé"))
                .as("L2: the key's UTF-8 bytes, as Kafka's StringSerializer writes them")
                .isEqualTo(1419575574);
        assertThat(DefaultPartitioner.partition("clé", 7))
                .as("L2: 1419575574 % 7")
                .isEqualTo(4);
    }
}
