package dev.queuelab.check.heldout.fanout;

/**
 * The one mistake a held-out copy of the reference topic makes, written from the contract and SNS's docs without
 * sight of the fanout checks or their gallery. {@link #NONE} is the reference as copied.
 */
public enum Slip {
    NONE("none: the reference as copied"),
    EXISTS_FALSE_ON_EMPTY("exists:false matches a message with no property at all in the scope"),
    ANYTHING_BUT_ABSENT("anything-but matches a message that lacks the key"),
    RANGE_INCLUSIVE("a numeric range's ends are inclusive whichever operator ('>' as '>=', '<' as '<=')"),
    NUMBER_AS_TEXT("an exact value compares as text: a string \"5\" matches the number 5"),
    FIRST_ALTERNATIVE_ONLY("a $or policy is judged by its first alternative only"),
    PREFIX_ON_NUMBERS("prefix matches a number's digits as well as a string"),
    DEDUP_WINDOW_INCLUSIVE("a dedup id accepted exactly the window ago is still a duplicate"),
    DEDUP_REFRESHED("a duplicate restarts its dedup id's window"),
    DEDUP_PER_GROUP("deduplication is per message group: the same dedup id in another group is accepted"),
    REFUSAL_BEFORE_FILTER("a refusing subscription dead-letters every publication, its filter unasked"),
    HEADERS_ON_ENVELOPE("a subscription without raw delivery gets the attributes as headers too"),
    CONTENT_DEDUP_ENVELOPE("content-based dedup hashes the envelope, message id and all, not the body");

    public final String mistake;

    Slip(String mistake) {
        this.mistake = mistake;
    }
}
