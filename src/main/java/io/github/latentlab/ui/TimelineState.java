package io.github.latentlab.ui;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.SharedModel;
import io.github.latentlab.timeline.Timeline;

/**
 * Which moment of training the panes show: the latest model ({@link #LATEST}), or a stored epoch
 * of the current model's {@link Timeline}. At a past epoch the reconstruction and latent panes
 * show what the timeline stored; the panes that need a whole model (noise, drawing) get the kept
 * model nearest that epoch ({@link #shownModelProperty()}, built off the UI thread, kept for
 * reuse), and {@link #shownModelEpochProperty()} says which. Changed on the FX thread only.
 */
public final class TimelineState {
    public static final int LATEST = -1;

    private final AppState app;
    private final ObjectProperty<Timeline> timeline = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper viewed = new ReadOnlyIntegerWrapper(LATEST);
    private final ReadOnlyObjectWrapper<Autoencoder> shownModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper shownModelEpoch = new ReadOnlyIntegerWrapper(LATEST);
    /** Kept models already built, by epoch, for the timeline they came from. */
    private final Map<Integer, Autoencoder> built = new HashMap<>();
    private Timeline builtFor;

    TimelineState(AppState app) {
        this.app = app;
        shownModel.set(app.viewModel());
        app.viewModelProperty().addListener((o, was, is) -> {
            if (viewed.get() == LATEST) shownModel.set(is);
        });
        timeline.addListener((o, was, is) -> {
            // a timeline that grew keeps the epoch in view; another model's goes back to the latest
            if (is == null || viewed.get() != LATEST && !is.epochs().contains(viewed.get())) latest();
        });
    }

    /** The current model's timeline, or null when it has none. */
    public ObjectProperty<Timeline> timelineProperty() { return timeline; }
    public Timeline timeline() { return timeline.get(); }

    /** The epoch shown, or {@link #LATEST}. */
    public ReadOnlyIntegerProperty viewedEpochProperty() { return viewed.getReadOnlyProperty(); }
    public int viewedEpoch() { return viewed.get(); }
    public boolean viewingPast() { return viewed.get() != LATEST; }

    /** The model the noise and drawing panes use: the latest, or the kept one nearest the epoch shown. */
    public ReadOnlyObjectProperty<Autoencoder> shownModelProperty() { return shownModel.getReadOnlyProperty(); }
    public Autoencoder shownModel() { return shownModel.get(); }

    /** The epoch of {@link #shownModelProperty()}, {@link #LATEST} for the latest model. */
    public ReadOnlyIntegerProperty shownModelEpochProperty() { return shownModelEpoch.getReadOnlyProperty(); }

    /**
     * Shows stored epoch nearest {@code epoch}. Its last epoch, once training is over, is the
     * latest model itself, so that goes back to the latest.
     */
    public void view(int epoch) {
        Timeline t = timeline.get();
        if (t == null || t.isEmpty()) return;
        int stored = t.nearestEpoch(epoch);
        if (stored == t.lastEpoch() && lastEpochIsLatest()) {
            latest();
            return;
        }
        if (stored == viewed.get()) return;
        viewed.set(stored);
        showModelNear(t, stored);
    }

    /**
     * Whether the timeline's last stored epoch is the latest model itself: once training is over
     * (a run in progress has moved on since its last epoch ended).
     */
    public boolean lastEpochIsLatest() {
        return !app.training().isRunning() && app.viewModel() != null;
    }

    /** Back to the latest model. */
    public void latest() {
        viewed.set(LATEST);
        shownModelEpoch.set(LATEST);
        shownModel.set(app.viewModel());
    }

    private void showModelNear(Timeline t, int epoch) {
        int kept = t.nearestModelEpoch(epoch);
        if (builtFor == null || builtFor.images() != t.images()) built.clear(); // another run's timeline
        builtFor = t;
        if (kept < 0) { // a timeline without whole models: those panes stay with the latest
            shownModelEpoch.set(LATEST);
            shownModel.set(app.viewModel());
            return;
        }
        Autoencoder ready = built.get(kept);
        if (ready != null) {
            shownModelEpoch.set(kept);
            shownModel.set(ready);
            return;
        }
        app.background().run(() -> SharedModel.of(t.modelAt(kept)), m -> {
            built.put(kept, m);
            if (viewed.get() == epoch) { // still wanted
                shownModelEpoch.set(kept);
                shownModel.set(m);
            }
        }, e -> app.statusProperty().set(Texts.format("timeline.modelFailed", kept, Texts.problem(e))));
    }
}
