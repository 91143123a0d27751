package dev.queuelab.check.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.Transaction;
import dev.queuelab.reference.semantics.EffectStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The harness's database keeps what committed and nothing else, as a real one does after a crash. */
class MemoryDatabaseTest {

    private final SimClock clock = new SimClock();
    private final EffectStore effects = new EffectStore(clock);
    private final MemoryDatabase database = new MemoryDatabase(clock, effects);

    @Test
    void shouldKeepOnlyWhatCommittedWhenTheProcessDiesBeforeItsCommit() {
        Database dying = database.session("C1", new Fuse(3)); // begin, effect, mark, then dies before commit
        Transaction tx = dying.begin();
        tx.effect("k1");
        tx.mark("k1", clock.instant());
        assertThatThrownBy(tx::commit).isInstanceOf(Fuse.Crash.class);
        assertThatThrownBy(() -> tx.markedAt("k1"))
                .as("a dead process makes no more calls")
                .isInstanceOf(Fuse.Crash.class);

        Transaction after = database.session("C1", Fuse.NEVER).begin();
        assertThat(after.markedAt("k1"))
                .as("the mark died with its transaction")
                .isEmpty();
        assertThat(effects.effects()).as("and so did the effect").isEmpty();
    }

    @Test
    void shouldApplyEveryWriteTogetherWhenATransactionCommits() {
        Transaction tx = database.session("C1", Fuse.NEVER).begin();
        tx.effect("k1");
        tx.mark("k1", clock.instant());
        assertThat(effects.effects())
                .as("nothing reaches the world before the commit")
                .isEmpty();
        tx.commit();
        assertThat(effects.effects()).extracting(EffectStore.Effect::key).containsExactly("k1");
        assertThat(database.session("C2", Fuse.NEVER).begin().markedAt("k1")).contains(clock.instant());
        assertThatThrownBy(() -> tx.effect("k2"))
                .as("a committed transaction refuses more work")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already committed");
    }

    @Test
    void shouldForgetMarksAtOrBeforeTheCutoffWhenSwept() {
        Instant t0 = clock.instant();
        Transaction tx = database.session("C1", Fuse.NEVER).begin();
        tx.mark("k1", t0);
        tx.mark("k2", t0.plusSeconds(1));
        tx.commit();
        clock.advance(Duration.ofSeconds(10));
        assertThat(database.marksOutliving(Duration.ofSeconds(10))).containsExactly("k1");
        Transaction sweep = database.session("C1", Fuse.NEVER).begin();
        assertThat(sweep.forgetMarkedUpTo(t0)).isEqualTo(1);
        sweep.commit();
        assertThat(database.marksOutliving(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void shouldHideRowsMarkedSentWhenTheMarkCommitted() {
        Transaction app = database.session("app", Fuse.NEVER).begin();
        app.insertOrder("o1", "book");
        app.insertOutbox("o1", "order placed: book");
        app.commit();
        Transaction relay = database.session("relay", Fuse.NEVER).begin();
        long seq = relay.unsent(10).get(0).seq();
        relay.markSent(seq);
        relay.rollback();
        assertThat(database.unsentCount())
                .as("a rolled-back mark leaves the row unsent")
                .isEqualTo(1);
        Transaction again = database.session("relay", Fuse.NEVER).begin();
        again.markSent(seq);
        again.commit();
        assertThat(database.unsentCount()).isZero();
        assertThat(database.committedOrders()).containsExactly("o1");
        assertThat(database.committedOutbox()).containsExactly("o1");
    }
}
