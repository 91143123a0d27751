package dev.queuelab.api.log;

/**
 * An idempotent producer's identity: the id the log gave it and its epoch. A newer epoch for the same id
 * fences every older one (a restarted transactional producer fences its zombie).
 */
public record ProducerIdAndEpoch(long producerId, short epoch) {}
