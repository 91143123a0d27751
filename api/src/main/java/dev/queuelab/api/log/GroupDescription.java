package dev.queuelab.api.log;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group as its coordinator sees it now: the generation and who owns what (members sorted by id).
 * An empty group has no members and keeps its generation and committed offsets.
 */
public record GroupDescription(String group, int generation, Map<String, List<Integer>> assignment) {

    public GroupDescription {
        assignment = Collections.unmodifiableMap(new TreeMap<>(assignment));
    }
}
