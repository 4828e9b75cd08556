package io.github.latentlab.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Events from a background thread reach the UI in order, all queued ones in one hand-over. */
class EventPumpTest {
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<List<Integer>> delivered = new ArrayList<>();
    private final EventPump<Integer> pump = new EventPump<>(uiQueue::add, delivered::add);

    @Test
    void queuedEventsArriveTogetherInOrderWithOneHandOver() {
        pump.accept(1);
        pump.accept(2);
        pump.accept(3);
        assertEquals(1, uiQueue.size(), "one hand-over scheduled for three events");
        uiQueue.remove(0).run();
        assertEquals(List.of(List.of(1, 2, 3)), delivered);
    }

    @Test
    void anEventAfterAHandOverSchedulesTheNext() {
        pump.accept(1);
        uiQueue.remove(0).run();
        pump.accept(2);
        assertEquals(1, uiQueue.size());
        uiQueue.remove(0).run();
        assertEquals(List.of(List.of(1), List.of(2)), delivered);
    }

    @Test
    void eventsFromManyThreadsAreAllDelivered() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1000;
            Thread th = new Thread(() -> { for (int i = 0; i < 1000; i++) pump.accept(base + i); });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        while (!uiQueue.isEmpty()) uiQueue.remove(0).run();
        assertEquals(4000, delivered.stream().mapToInt(List::size).sum());
    }
}
