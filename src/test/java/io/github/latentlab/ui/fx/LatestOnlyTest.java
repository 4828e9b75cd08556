package io.github.latentlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One computation at a time, and after it only the newest request: a dragged slider never queues stale work. */
class LatestOnlyTest {
    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final List<String> results = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final LatestOnly<String> latest = new LatestOnly<>(runner, results::add, e -> errors.add(e.getMessage()));

    @Test
    void requestsMadeWhileBusyCollapseToTheNewest() {
        latest.request(() -> () -> "a");
        latest.request(() -> () -> "b");
        latest.request(() -> () -> "c");
        assertEquals(1, runner.waiting(), "only the first runs at once");
        runner.runNext();
        assertEquals(List.of("a"), results);
        assertEquals(1, runner.waiting(), "then the newest pending one, c");
        runner.runNext();
        assertEquals(List.of("a", "c"), results);
        assertEquals(0, runner.waiting());
    }

    @Test
    void aFailureIsReportedAndThePendingRequestStillRuns() {
        latest.request(() -> () -> { throw new IllegalStateException("decoder broke"); });
        latest.request(() -> () -> "after");
        runner.runNext();
        assertEquals(List.of("decoder broke"), errors);
        runner.runNext();
        assertEquals(List.of("after"), results);
    }

    @Test
    void aRequestWithNoJobDoesNothing() {
        latest.request(() -> null);
        assertEquals(0, runner.waiting());
        latest.request(() -> () -> "x");
        assertEquals(1, runner.waiting());
    }
}
