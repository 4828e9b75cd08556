package io.github.latentlab.util;

import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;

/**
 * Receives progress of long work (loading, downloading, projecting) from any thread.
 * {@code fraction} is in [0, 1], or negative when the total is unknown. Work that reports to a
 * window says what it does as a {@link Message}, which the window shows in its language; whoever
 * only takes text gets the English.
 */
@FunctionalInterface
public interface Progress {
    void update(double fraction, String message);

    /** The same in words a window can show in its own language. */
    default void update(double fraction, Message message) {
        update(fraction, message.english());
    }

    Progress NONE = (fraction, message) -> { };

    /** For a window: every update as a message (plain text passed on as it is). */
    static Progress ofMessages(BiConsumer<Double, Message> sink) {
        return new Progress() {
            @Override public void update(double fraction, String message) { sink.accept(fraction, Message.of("progress.plain", message)); }

            @Override public void update(double fraction, Message message) { sink.accept(fraction, message); }
        };
    }

    /**
     * Passes on at most one update per {@code intervalMillis} (and always a final one, fraction
     * ≥ 1), so that a fast producer such as a download cannot flood a UI thread.
     */
    static Progress throttled(Progress target, long intervalMillis) {
        long interval = intervalMillis * 1_000_000L;
        long[] last = {Long.MIN_VALUE / 2};
        return new Progress() {
            private boolean due(double fraction) {
                long now = System.nanoTime();
                synchronized (last) {
                    if (fraction < 1 && now - last[0] < interval) return false;
                    last[0] = now;
                    return true;
                }
            }

            @Override public void update(double fraction, String message) { if (due(fraction)) target.update(fraction, message); }

            @Override public void update(double fraction, Message message) { if (due(fraction)) target.update(fraction, message); }
        };
    }

    /** Passes updates on with their fraction mapped (a part of a larger job); messages stay messages. */
    static Progress mapped(Progress target, DoubleUnaryOperator fraction) {
        return new Progress() {
            @Override public void update(double f, String message) { target.update(fraction.applyAsDouble(f), message); }

            @Override public void update(double f, Message message) { target.update(fraction.applyAsDouble(f), message); }
        };
    }
}
