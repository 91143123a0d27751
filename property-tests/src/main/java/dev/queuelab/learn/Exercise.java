package dev.queuelab.learn;

import dev.queuelab.api.WorkQueue;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.InstantSource;
import java.util.List;

/**
 * One exercise: one concept, one class to complete, the checks that judge it.
 *
 * @param number     its place on the path, from 1
 * @param slug       its package and folder name, {@code ex01_acks}
 * @param title      the concept, in a few words
 * @param className  the class the learner completes (its file is {@code <className>.java})
 * @param properties the engine's properties that judge it, its own concept first
 * @param doc        the page and section that teach the concept
 * @param proved     what a pass proves, in one sentence, for the recap
 * @param reference  the methods of the reference's {@code SqsWorkQueue} that keep the same rules
 */
public record Exercise(int number, String slug, String title, String className, List<WorkQueueProperty> properties,
                       String doc, String proved, List<String> reference) {

    public Exercise {
        properties = List.copyOf(properties);
        reference = List.copyOf(reference);
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
     * The learner's class, loaded by {@code loader}, as a factory for the engine: whether it was compiled by
     * {@code queuelab check} or by Maven for the IDE's tests. A class that is not shaped like the stub gets a
     * {@link LearnerException} saying how.
     */
    public WorkQueueFactory factory(ClassLoader loader) {
        Constructor<?> constructor;
        try {
            Class<?> type = Class.forName(qualifiedClassName(), true, loader);
            if (!WorkQueue.class.isAssignableFrom(type)) {
                throw new LearnerException(className + " must implement dev.queuelab.api.WorkQueue, as the stub does");
            }
            constructor = type.getConstructor(WorkQueueConfig.class, InstantSource.class);
        } catch (ClassNotFoundException e) {
            throw new LearnerException(fileName() + " must declare the class " + qualifiedClassName()
                    + " (package and name as in the stub)");
        } catch (NoSuchMethodException e) {
            throw new LearnerException(className + " must keep its public constructor " + className
                    + "(WorkQueueConfig config, InstantSource clock): the checks build queues with it");
        }
        return (config, clock) -> {
            try {
                return (WorkQueue) constructor.newInstance(config, clock);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;              // the learner's own exception: the engine reports it as a story
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
