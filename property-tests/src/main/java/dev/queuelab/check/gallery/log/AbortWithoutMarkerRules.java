package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;
import dev.queuelab.reference.log.LogSegment;

/**
 * Bug gallery (log): Writes a marker when a transaction commits but not when it aborts ("nothing was
 * committed, so there is nothing to mark"): the abort leaves no trace in the partition, the next append takes
 * the offset its marker should have had, and a reader of the log cannot tell where the aborted records end.
 *
 * <p>Caught as {@code missing-marker}.
 */
public final class AbortWithoutMarkerRules extends LogRules {

    @Override
    protected boolean writesMarker(LogSegment.Marker marker) {
        return marker == LogSegment.Marker.COMMIT;
    }
}
