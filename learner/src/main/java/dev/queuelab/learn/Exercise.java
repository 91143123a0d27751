package dev.queuelab.learn;

import dev.queuelab.check.Property;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.InstantSource;
import java.util.List;

/**
 * One exercise: one concept, one class to complete, the checks that judge it.
 *
 * @param number        its place on the path, from 1
 * @param slug          its package and folder name, {@code ex01_acks}
 * @param title         the concept, in a few words
 * @param className     the class the learner completes (its file is {@code <className>.java})
 * @param topology      its chapter: the contract the class implements and the checks that run it
 * @param properties    the engine's properties that judge it, its own concept first, all of its topology
 * @param capabilities  what the exercise requires of the learner's class, in its topology's capabilities record
 *                      (null in a chapter without one): the harness decides what applies, never the class
 * @param doc           the page and section that teach the concept
 * @param proved        what a pass proves, in one sentence, for the recap
 * @param referenceFile the reference class that keeps the same rules, from the repository's root
 * @param reference     the methods of that class that keep them
 */
public record Exercise(
        int number,
        String slug,
        String title,
        String className,
        Topology topology,
        List<Property<?, ?, ?>> properties,
        Object capabilities,
        String doc,
        String proved,
        String referenceFile,
        List<String> reference) {

    public Exercise {
        properties = List.copyOf(properties);
        reference = List.copyOf(reference);
        for (Property<?, ?, ?> p : properties) {
            if (topology.property(p.id()) != p) {
                throw new IllegalArgumentException(p.qualifiedName() + " is not a property of " + topology.title());
            }
            if (!topology.applies(p, capabilities)) { // a property that would skip would pass nothing
                throw new IllegalArgumentException(p.qualifiedName() + " does not apply to " + capabilities
                        + ": an exercise requires what it checks");
            }
        }
    }

    /** The package of the learner's class. */
    public String packageName() {
        return "dev.queuelab.exercises." + slug;
    }

    public String qualifiedClassName() {
        return packageName() + "." + className;
    }

    public String fileName() {
        return className + ".java";
    }

    /** As people say it: "exercise 2 (visibility timeout, redelivery and extension)". */
    public String label() {
        return "exercise " + number + " (" + title + ")";
    }

    /**
     * The learner's class, loaded by {@code loader}, as a maker of its topology's implementations: whether it
     * was compiled by {@code queuelab check} or by Maven for the IDE's tests. A class that is not shaped like
     * the stub gets a {@link LearnerException} saying how.
     */
    public Topology.Maker factory(ClassLoader loader) {
        String api = topology.api().getName();
        Class<?> config = topology.config();
        Class<?> type;
        Constructor<?> constructor;
        try {
            type = Class.forName(qualifiedClassName(), true, loader);
            if (!topology.api().isAssignableFrom(type)) {
                throw new LearnerException(className + " must implement " + api + ", as the stub does");
            }
            constructor = config != null
                    ? type.getConstructor(config, InstantSource.class)
                    : topology.clocked() ? type.getConstructor(InstantSource.class) : type.getConstructor();
        } catch (ClassNotFoundException e) {
            throw new LearnerException(fileName() + " must declare the class " + qualifiedClassName()
                    + " (package and name as in the stub)");
        } catch (NoSuchMethodException e) {
            throw new LearnerException(className + " must keep its public constructor " + className + "("
                    + (config != null
                            ? config.getSimpleName() + " config, InstantSource clock"
                            : topology.clocked() ? "InstantSource clock" : "")
                    + "): the checks build " + topology.noun() + "s with it");
        }
        return Topology.Maker.of(type, (cfg, clock) -> {
            try {
                return config != null
                        ? constructor.newInstance(cfg, clock)
                        : topology.clocked() ? constructor.newInstance(clock) : constructor.newInstance();
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // the learner's own exception: the engine reports it as a story
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
