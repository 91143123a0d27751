package dev.queuelab.api.streams;

/**
 * Redis's numbers and fixed words that the contract uses, each with its source and the date it was read.
 */
public final class StreamFacts {

    private StreamFacts() {}

    /**
     * XAUTOCLAIM's COUNT is 100 by default, and one call inspects at most COUNT × 10 PEL entries.
     * Source: https://redis.io/docs/latest/commands/xautoclaim/ and src/t_stream.c (xautoclaimCommand,
     * {@code attempts = count*10}), read 2026-12-05.
     */
    public static final int AUTOCLAIM_DEFAULT_COUNT = 100;

    public static final int AUTOCLAIM_ATTEMPTS_PER_COUNT = 10;

    /**
     * With {@code ~}, Redis trims only whole radix-tree nodes of {@code stream-node-max-entries} (100 by default),
     * so it may keep more than asked, never fewer. Source: https://redis.io/docs/latest/commands/xadd/ (Capped
     * streams), read 2026-12-05. This contract has no {@code ~}: it trims exactly.
     */
    public static final int STREAM_NODE_MAX_ENTRIES = 100;

    /** The error replies, as Redis words them (src/t_stream.c, read 2026-12-05). */
    public static final String ID_ZERO = "ERR The ID specified in XADD must be greater than 0-0";

    public static final String ID_NOT_GREATER =
            "ERR The ID specified in XADD is equal or smaller than the target stream top item";

    public static final String BUSYGROUP = "BUSYGROUP Consumer Group name already exists";

    /** The fields the dead-letter convention adds to the copy (a convention of consumers: Redis has no such fields). */
    public static final String DEAD_SOURCE_ID = "source-id";

    public static final String DEAD_DELIVERIES = "deliveries";

    public static String noGroup(String stream, String group) {
        return "NOGROUP No such key '" + stream + "' or consumer group '" + group + "'";
    }

    /** XREADGROUP's own words for a missing stream or group (Redis 7.0.15, redis-cli, read 2026-12-05). */
    public static String noGroupRead(String stream, String group) {
        return noGroup(stream, group) + " in XREADGROUP with GROUP option";
    }

    /** XGROUP SETID's own words for a missing group (Redis 7.0.15, redis-cli, read 2026-12-05). */
    public static String noGroupSetId(String stream, String group) {
        return "NOGROUP No such consumer group '" + group + "' for key name '" + stream + "'";
    }
}
