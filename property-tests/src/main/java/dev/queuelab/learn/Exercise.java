package dev.queuelab.learn;

import dev.queuelab.check.workqueue.WorkQueueProperty;
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
 */
public record Exercise(int number, String slug, String title, String className, List<WorkQueueProperty> properties,
                       String doc) {

    public Exercise {
        properties = List.copyOf(properties);
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
}
