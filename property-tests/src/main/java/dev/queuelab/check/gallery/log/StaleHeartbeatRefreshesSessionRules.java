package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Refreshes a member's session on every heartbeat, a refused one of an old generation too:
 * a consumer that stopped following the group (it never rejoins) but keeps heartbeating holds its partitions
 * for ever, and nobody else is given them.
 *
 * <p>Caught as {@code stale-session-kept}.
 */
public final class StaleHeartbeatRefreshesSessionRules extends LogRules {

    @Override
    protected boolean refreshesSession(HeartbeatOutcome answer) {
        return true;
    }
}
