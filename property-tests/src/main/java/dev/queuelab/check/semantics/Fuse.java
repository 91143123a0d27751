package dev.queuelab.check.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a process under test dies: every call it makes on the harness (a transaction's statement, an ack, a
 * publish) passes the fuse first, and the call numbered {@code crashAt} (from 0) blows it: that call and every
 * later one throw {@link Crash} and do nothing. A process that catches the crash is dead all the same.
 */
final class Fuse {

    /** The process died before this call; an {@link Error}, so that a {@code catch (Exception e)} lets it pass. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String before) {
            super("crashed before " + before, null, false, false);
        }
    }

    static final Fuse NEVER = new Fuse(-1);

    private final int crashAt;
    private final List<String> passed = new ArrayList<>();
    private int calls;
    private String blownBefore;

    Fuse(int crashAt) {
        this.crashAt = crashAt;
    }

    void call(String what) {
        if (blownBefore != null) {
            throw new Crash(blownBefore);
        }
        if (calls++ == crashAt) {
            blownBefore = what;
            throw new Crash(what);
        }
        passed.add(what);
    }

    /** The calls that passed, in order. */
    List<String> passed() {
        return List.copyOf(passed);
    }

    /** The call the process died before, if it died. */
    Optional<String> blownBefore() {
        return Optional.ofNullable(blownBefore);
    }

    /** How many calls passed the fuse or blew it. */
    int calls() {
        return calls;
    }
}
