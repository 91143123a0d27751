package dev.queuelab.check.log;

import dev.queuelab.api.log.LogCapabilities;
import java.time.Instant;
import java.util.List;

/**
 * A log run's record: the setup, what the implementation supports, when it started, every event in order,
 * and where the scenario's own steps end (later events are the checker's final drain).
 */
public record LogHistory(
        LogSetup setup, LogCapabilities capabilities, Instant start, List<LogEvent> events, int lastScenarioStep) {}
