package dev.queuelab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void namesTheFamilyAndModelBesideAModelNameThatHidesThem() {
        List<String> cpuinfo = List.of(
                "processor\t: 0",
                "vendor_id\t: AuthenticAMD",
                "cpu family\t: 25",
                "model\t\t: 1",
                "model name\t: AMD EPYC",
                "",
                "processor\t: 1",
                "cpu family\t: 26",
                "model\t\t: 2",
                "model name\t: AMD EPYC");

        assertThat(Machine.cpuOf(cpuinfo)).isEqualTo("AMD EPYC (family 25, model 1)");
    }

    @Test
    void keepsTheModelNameAloneWhenTheNumbersAreMissing() {
        assertThat(Machine.cpuOf(List.of("model name\t: Neoverse-N1"))).isEqualTo("Neoverse-N1");
        assertThat(Machine.cpuOf(List.of("processor\t: 0", "BogoMIPS\t: 50.00")))
                .isEqualTo("unknown");
    }
}
