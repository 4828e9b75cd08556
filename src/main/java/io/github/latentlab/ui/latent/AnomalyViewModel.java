package io.github.latentlab.ui.latent;

import java.util.function.IntConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.projection.Anomalies;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * The latent pane's anomalies: the test images its map shows (or the first ones the map would
 * show), ranked by reconstruction error or by distance from the nearest training code under the
 * map's model, off the UI thread. Both scores come from one computation, so switching the ranking
 * is instant; a new model, data or image count recomputes (an animating t-SNE frame does not).
 * Lessons turn it on with {@link #show(Anomalies.Ranking)}.
 */
public final class AnomalyViewModel {
    /** How many of the most unusual images the strip shows. */
    public static final int TOP = 12;

    private final AppState app;
    private final ReadOnlyObjectProperty<LatentMap> map;
    private final IntConsumer selectOnMap;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ObjectProperty<Anomalies.Ranking> ranking = new SimpleObjectProperty<>(Anomalies.Ranking.RECONSTRUCTION);
    private final IntegerProperty imageCount;
    private final ReadOnlyObjectWrapper<Anomalies.Scores> scores = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Anomalies.Ranked> top = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** What the scores (or the running computation) belong to. */
    private Key scored;
    private Cancellation running;
    /** The test images the scores belong to (the first of the test set). */
    private Dataset ranked;

    private record Key(Autoencoder model, DatasetSplit data, int count) { }

    AnomalyViewModel(AppState app, ReadOnlyObjectProperty<LatentMap> map, IntegerProperty imageCount, IntConsumer selectOnMap) {
        this.app = app;
        this.map = map;
        this.imageCount = imageCount;
        this.selectOnMap = selectOnMap;
        shown.addListener((o, was, is) -> { if (is) refresh(); else cancel(); });
        map.addListener((o, was, is) -> { if (shown.get()) refresh(); });
        app.viewModelProperty().addListener((o, was, is) -> { if (shown.get() && map.get() == null) refresh(); });
        app.dataProperty().addListener((o, was, is) -> { if (shown.get()) refresh(); });
        ranking.addListener((o, was, is) -> rank());
    }

    /** Whether anomalies are looked for and marked on the map (the pane's Anomalies tab is open). */
    public BooleanProperty shownProperty() { return shown; }
    /** Reconstruction error or distance to the nearest training code. */
    public ObjectProperty<Anomalies.Ranking> rankingProperty() { return ranking; }
    /** Both scores of every ranked test image (null until computed). */
    public ReadOnlyObjectProperty<Anomalies.Scores> scoresProperty() { return scores.getReadOnlyProperty(); }
    /** The {@value #TOP} most unusual test images by the chosen ranking, most unusual first (null until computed). */
    public ReadOnlyObjectProperty<Anomalies.Ranked> topProperty() { return top.getReadOnlyProperty(); }
    /** The place in {@link #topProperty()} of the image picked in the strip (-1: none). */
    public IntegerProperty selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty computingProperty() { return computing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The test images the scores belong to, indexed as they are (null until computed). */
    public Dataset testImages() { return scores.get() == null ? null : ranked; }

    /** Looks for anomalies by {@code by} and marks them on the map (for lessons). */
    public void show(Anomalies.Ranking by) {
        ranking.set(by);
        shown.set(true);
    }

    /**
     * Picks the {@code rank}-th most unusual image: framed in the strip, ringed on the map and
     * selected there (traversal and neighbours start from it) when the map shows it.
     */
    public void select(int rank) {
        Anomalies.Ranked ranked = top.get();
        if (ranked == null || rank < 0 || rank >= ranked.indices().length) return;
        selected.set(rank);
        int row = mapRow(ranked.indices()[rank]);
        if (row >= 0) selectOnMap.accept(row);
    }

    /** The map row of test image {@code index}, or -1 when the map does not show it. */
    public int mapRow(int index) {
        LatentMap m = map.get();
        // a map of test images shows the first ones, in order (LatentMaps)
        return m != null && m.source() == MapImages.TEST && index < m.codes().length ? index : -1;
    }

    /** The test images ranked: the map's when it shows test images, else as many as it would show. */
    private Key wanted() {
        DatasetSplit data = app.data();
        LatentMap m = map.get();
        Autoencoder model = m != null ? m.model() : app.viewModel();
        if (data == null || model == null || model.inputSize() != data.test().pixelCount()) return null;
        int count = m != null && m.source() == MapImages.TEST ? m.codes().length : Math.max(1, imageCount.get());
        count = Math.min(count, data.test().size()); // the map may still be of the data loaded before
        return new Key(model, data, count);
    }

    /** Scores again if what is shown has changed since the last scoring. */
    public void refresh() {
        Key key = wanted();
        if (key == null) {
            cancel();
            scored = null;
            scores.set(null);
            rank();
            status.set(Texts.get("latent.anomalies.noModel"));
            return;
        }
        if (key.equals(scored)) return; // e.g. another frame of the same t-SNE
        cancel();
        scored = key;
        Cancellation cancel = new Cancellation();
        running = cancel;
        computing.set(true);
        status.set(Texts.format("latent.anomalies.computing", 0.0));
        Progress progress = Progress.throttled((f, msg) -> app.uiThread().execute(() -> {
            if (!cancel.isCancelled()) status.set(Texts.format("latent.anomalies.computing", Math.max(0, f)));
        }), 150);
        Dataset test = key.data().test();
        Dataset images = key.count() == test.size() ? test : test.subset(test.id() + "-" + key.count(), firstOf(key.count()));
        app.background().run(() -> Anomalies.score(key.model(), key.data().train(), images, Anomalies.MAX_TRAIN, progress, cancel),
                result -> {
                    if (cancel.isCancelled()) return;
                    running = null;
                    computing.set(false);
                    ranked = images;
                    scores.set(result);
                    rank();
                    status.set(Texts.format("latent.anomalies.summary", Math.min(TOP, key.count()), key.count(),
                            result.trainCompared()));
                }, error -> {
                    if (cancel.isCancelled()) return;
                    running = null;
                    scored = null;
                    computing.set(false);
                    status.set(Texts.format("latent.anomalies.failed", Texts.problem(error)));
                });
    }

    private static int[] firstOf(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }

    private void rank() {
        Anomalies.Scores s = scores.get();
        selected.set(-1);
        top.set(s == null ? null : s.top(ranking.get(), TOP));
    }

    /** Stops a computation; its scores would belong to something no longer shown. */
    private void cancel() {
        if (running == null) return;
        running.cancel();
        running = null;
        scored = null;
        computing.set(false);
        status.set("");
    }
}
