package dev.queuelab.guide;

/** An answers file or an answer that cannot be used; the message names the key and what it accepts. */
public class AnswersException extends RuntimeException {
    public AnswersException(String message) {
        super(message);
    }
}
