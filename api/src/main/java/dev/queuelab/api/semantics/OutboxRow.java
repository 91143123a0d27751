package dev.queuelab.api.semantics;

/**
 * One row of the outbox: its sequence number (the order of insertion), the message's id and its payload.
 *
 * @param seq       the row's number, from 1, in the order rows were inserted
 * @param messageId the id the message is published under (the order's id)
 * @param payload   what the message says
 */
public record OutboxRow(long seq, String messageId, String payload) {}
