package dev.queuelab.api;

/**
 * A parameter outside the range the queue accepts. The message names the parameter, the value and the range.
 */
public class OutOfRangeException extends IllegalArgumentException {

    public OutOfRangeException(String parameter, Object value, String validRange) {
        super(parameter + " " + value + " is out of range: use " + validRange);
    }
}
