package dev.queuelab.bench.report;

/** A result file or report target the report step cannot use; the message says which and how to fix it. */
public final class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }
}
