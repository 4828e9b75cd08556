package io.github.latentlab.util;

/**
 * Receives progress of long work (loading, downloading, projecting) from any thread.
 * {@code fraction} is in [0, 1], or negative when the total is unknown.
 */
@FunctionalInterface
public interface Progress {
    void update(double fraction, String message);

    Progress NONE = (fraction, message) -> { };

    /**
     * Passes on at most one update per {@code intervalMillis} (and always a final one, fraction
     * ≥ 1), so that a fast producer such as a download cannot flood a UI thread.
     */
    static Progress throttled(Progress target, long intervalMillis) {
        long interval = intervalMillis * 1_000_000L;
        long[] last = {Long.MIN_VALUE / 2};
        return (fraction, message) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (fraction < 1 && now - last[0] < interval) return;
                last[0] = now;
            }
            target.update(fraction, message);
        };
    }
}
