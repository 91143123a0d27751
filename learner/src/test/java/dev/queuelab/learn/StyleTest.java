package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Colour and Unicode on a terminal, plain ASCII everywhere else. */
class StyleTest {

    @Test
    void shouldDecorateWhenOnATerminal() {
        Style terminal = new Style(true, true);
        assertThat(terminal.bar(2, 4))
                .contains("██████████")
                .contains("░░░░░░░░░░")
                .contains("\u001B[")
                .endsWith("2/4");
        assertThat(terminal.pass()).contains("✔");
        assertThat(terminal.text("  ✗   5. t=1s  → ack accepted")).contains("✗", "→");
    }

    @Test
    void shouldStayAsciiWhenNotOnATerminal() {
        assertThat(Style.PLAIN.bar(1, 4)).isEqualTo("[#####---------------] 1/4");
        assertThat(Style.PLAIN.pass() + Style.PLAIN.fail() + Style.PLAIN.tick() + Style.PLAIN.pending())
                .isEqualTo("PASSFAIL[x][ ]");
        assertThat(Style.PLAIN.text("  ✗   5. t=1s  → ack accepted")).isEqualTo("  x   5. t=1s  -> ack accepted");
        assertThat(Style.PLAIN.good("done")).isEqualTo("done").doesNotContain("\u001B");
    }
}
