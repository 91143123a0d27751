package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.Property;
import dev.queuelab.check.log.LogProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exercise requires what it checks: the harness refuses one whose property would skip on its capabilities. */
class ExerciseTest {

    private static Exercise exercise(List<Property<?, ?, ?>> properties, LogCapabilities capabilities) {
        return new Exercise(
                99,
                "ex99_x",
                "x",
                "X",
                Topology.LOG,
                properties,
                capabilities,
                "docs/partitioned-log.md",
                "x",
                "reference/X.java",
                List.of());
    }

    @Test
    void shouldRefuseAnExerciseWhenOneOfItsPropertiesDoesNotApplyToWhatItRequires() {
        assertThatThrownBy(() -> exercise(List.of(LogProperty.IDEMPOTENCE), LogCapabilities.PLAIN))
                .as("idempotence on a plain log would be skipped, and a skip passes nothing")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not apply");
        assertThatCode(() -> exercise(List.of(LogProperty.PARTITIONING), LogCapabilities.PLAIN))
                .doesNotThrowAnyException();
    }
}
