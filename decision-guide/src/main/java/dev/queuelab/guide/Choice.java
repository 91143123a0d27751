package dev.queuelab.guide;

import java.util.Arrays;
import java.util.List;

/** An answer chosen from a closed set, written in files and prompts as its {@link #word()}. */
public interface Choice {

    String word();

    /** The words of an enum's constants, in declaration order: the schema's allowed values. */
    static <E extends Enum<E> & Choice> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::word).toList();
    }

    static <E extends Enum<E> & Choice> E of(Class<E> type, String word) {
        for (E e : type.getEnumConstants()) {
            if (e.word().equals(word)) {
                return e;
            }
        }
        throw new IllegalArgumentException(word + " is not one of " + words(type));
    }
}
