package dev.queuelab.crash;

import dev.queuelab.reference.log.Disk;
import dev.queuelab.reference.log.DiskRules;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A log on disk under trial: the reference, or a variant of it that differs in its rules ({@link DiskRules}) or in
 * the file operations it makes (a {@link Disk} wrapped so that, say, one force never happens).
 *
 * @param name  how {@code --impl} names it
 * @param title one line: what it does wrong, or "the reference"
 * @param wrap  what the storage's file operations go through, given the simulated disk
 * @param makeRules its rules, made fresh for each open
 */
public record DiskSubject(String name, String title, UnaryOperator<Disk> wrap, Supplier<DiskRules> makeRules) {

    public static final DiskSubject REFERENCE =
            new DiskSubject("reference", "the reference", d -> d, () -> DiskRules.REFERENCE);

    Disk disk(SimulatedDisk simulated) {
        return wrap.apply(simulated);
    }

    DiskRules rules() {
        return makeRules.get();
    }
}
