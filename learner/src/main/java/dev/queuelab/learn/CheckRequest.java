package dev.queuelab.learn;

import dev.queuelab.check.Property;
import dev.queuelab.check.Settings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One check for the worker JVM: which exercise, where its compiled classes are, the settings, and how long
 * the learner's code may run before it is stopped.
 */
record CheckRequest(
        Exercise exercise, Path classes, Settings settings, Optional<Property<?, ?, ?>> only, Duration limit) {

    void write(DataOutputStream out) throws IOException {
        out.writeInt(exercise.number());
        out.writeUTF(classes.toString());
        out.writeInt(settings.trials());
        out.writeBoolean(settings.seed().isPresent());
        out.writeLong(settings.seed().orElse(0));
        out.writeUTF(settings.impl());
        out.writeUTF(only.map(Property::id).orElse(""));
        out.writeLong(limit.toMillis());
        out.flush();
    }

    static CheckRequest read(DataInputStream in) throws IOException {
        Exercise exercise = Exercises.find(String.valueOf(in.readInt()));
        Path classes = Path.of(in.readUTF());
        int trials = in.readInt();
        boolean seeded = in.readBoolean();
        long seed = in.readLong();
        Settings settings = new Settings(trials, seeded ? OptionalLong.of(seed) : OptionalLong.empty(), in.readUTF());
        String only = in.readUTF();
        return new CheckRequest(
                exercise,
                classes,
                settings,
                only.isEmpty()
                        ? Optional.empty()
                        : Optional.of(exercise.topology().property(only)),
                Duration.ofMillis(in.readLong()));
    }
}
