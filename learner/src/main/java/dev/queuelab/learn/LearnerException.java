package dev.queuelab.learn;

/**
 * A problem the learner can fix (an unknown exercise, code that does not compile, a damaged progress
 * file): the message says what and how, and the command line prints it without a stack trace.
 */
public class LearnerException extends RuntimeException {

    private final int exitCode;

    public LearnerException(String message) {
        this(message, Coach.BAD_INPUT);
    }

    public LearnerException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** {@link Coach#BAD_INPUT} for usage and files, {@link Coach#CHECK_FAILED} when the learner's code cannot pass. */
    public int exitCode() {
        return exitCode;
    }
}
