package dev.queuelab.check.recipe;

import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Recomputes the count from the increments alone and holds every answer to it. */
final class TallyModel implements Model<TallyEvent> {

    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    private long count;
    private int increments;

    TallyModel(long start) {
        this.count = start;
    }

    @Override
    public void apply(TallyEvent event, Op op) {
        if (event instanceof TallyEvent.Incremented e) {
            count++;
            increments++;
            if (e.count() != count) {
                anomalies.add(TallyRule.WRONG_COUNT.found(e.step(), "expected " + count + ", answered " + e.count()));
            }
        } else if (event instanceof TallyEvent.Read e) {
            if (increments >= 3) {
                coverage.add("read after three increments");
            }
            if (e.count() != count) {
                anomalies.add(TallyRule.STALE_READ.found(e.step(), "expected " + count + ", answered " + e.count()));
            }
        } else if (event instanceof TallyEvent.Threw e) {
            anomalies.add(TallyRule.OPERATION_FAILED.found(e.step(), "threw " + e.error()));
        }
    }

    @Override
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }
}
