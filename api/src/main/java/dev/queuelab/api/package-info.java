/**
 * What every topology's contract shares: the simulated clock ({@link dev.queuelab.api.SimClock}), the
 * error for a value outside its range ({@link dev.queuelab.api.OutOfRangeException}) and how durations are
 * printed ({@link dev.queuelab.api.Durations}). Each topology has a package of its own beside this one:
 * {@code dev.queuelab.api.workqueue} and {@code dev.queuelab.api.log}.
 */
package dev.queuelab.api;
