package io.github.latentlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A hidden pane remembers asked-for work and catches up once when shown. */
class ShownGateTest {
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicInteger catchUps = new AtomicInteger();
    private final ShownGate gate = new ShownGate(catchUps::incrementAndGet);

    @Test
    void workRunsAtOnceWhileShown() {
        gate.run(work::incrementAndGet);
        assertEquals(1, work.get());
        assertEquals(0, catchUps.get());
    }

    @Test
    void workAskedForWhileHiddenCatchesUpOnceWhenShown() {
        gate.shownProperty().set(false);
        gate.run(work::incrementAndGet);
        gate.run(work::incrementAndGet);
        assertEquals(0, work.get());
        gate.shownProperty().set(true);
        assertEquals(1, catchUps.get(), "one catch-up for any number of missed requests");
        gate.shownProperty().set(false);
        gate.shownProperty().set(true);
        assertEquals(1, catchUps.get(), "nothing missed the second time");
    }
}
