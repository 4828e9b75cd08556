package io.github.latentlab.ui.timeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.TimelineState;

/**
 * The timeline bar's state: whether the current model has a timeline, which epoch the panes show
 * ("Viewing epoch 7 of 20"), and playing through the epochs. Playing shows each stored epoch in
 * turn and moves on once the panes have drawn it ({@link #setStepDone}: the latent map, when it
 * is on screen) and at least {@link #STEP_MILLIS} have passed, so a class sees every epoch.
 */
public final class TimelineViewModel {
    static final long STEP_MILLIS = 900;

    private final AppState app;
    private final TimelineState state;
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty loop = new SimpleBooleanProperty(false);
    private Supplier<CompletableFuture<?>> stepDone = () -> CompletableFuture.completedFuture(null);
    private int playGeneration;

    public TimelineViewModel(AppState app) {
        this.app = app;
        this.state = app.timeline();
        state.timelineProperty().addListener((o, was, is) -> describe());
        state.viewedEpochProperty().addListener((o, was, is) -> describe());
        state.shownModelEpochProperty().addListener((o, was, is) -> describe());
        describe();
    }

    /** True when the current model has a stored epoch to show. */
    public BooleanBinding availableProperty() {
        return Bindings.createBooleanBinding(() -> state.timeline() != null && !state.timeline().isEmpty(),
                state.timelineProperty());
    }

    public ReadOnlyStringProperty labelProperty() { return label.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    /** Whether playing starts again from epoch 0 after the last (for a screen left running in class). */
    public BooleanProperty loopProperty() { return loop; }
    public TimelineState state() { return state; }

    /** What "the panes have drawn this epoch" means; by default at once. */
    public void setStepDone(Supplier<CompletableFuture<?>> stepDone) { this.stepDone = stepDone; }

    /** The stored epochs, oldest first (none without a timeline). */
    public List<Integer> epochs() {
        Timeline t = state.timeline();
        return t == null ? List.of() : t.epochs();
    }

    /** Shows the stored epoch nearest {@code epoch} (a position on the loss curve is rounded). */
    public void view(double epoch) {
        stop();
        state.view((int) Math.round(epoch));
    }

    /** Back to the latest model. */
    public void latest() {
        stop();
        state.latest();
    }

    /** One stored epoch earlier or later ({@code step} −1 or +1); on from the last stored one is the latest model. */
    public void step(int step) {
        List<Integer> epochs = epochs();
        if (epochs.isEmpty()) return;
        stop();
        int latest = state.lastEpochIsLatest() ? epochs.size() - 1 : epochs.size(); // one beyond while it trains
        int at = state.viewingPast() ? epochs.indexOf(state.viewedEpoch()) : latest;
        int next = Math.max(0, Math.min(epochs.size() - 1, at + step));
        if (at == epochs.size() - 1 && step > 0) state.latest();
        else state.view(epochs.get(next));
    }

    /** Plays from the epoch shown (from epoch 0 when showing the latest or the last) to the end. */
    public void play() {
        List<Integer> epochs = epochs();
        if (epochs.size() < 2) return;
        int from = state.viewingPast() ? epochs.indexOf(state.viewedEpoch()) : 0;
        if (from < 0 || from >= epochs.size() - 1) from = 0;
        int generation = ++playGeneration;
        playing.set(true);
        showStep(generation, from);
    }

    /** Stops playing; the epoch shown stays. */
    public void stop() {
        playGeneration++;
        playing.set(false);
    }

    private void showStep(int generation, int index) {
        if (generation != playGeneration) return;
        List<Integer> epochs = epochs();
        if (index >= epochs.size()) {
            if (loop.get()) {
                showStep(generation, 0);
            } else {
                playing.set(false);
            }
            return;
        }
        state.view(epochs.get(index));
        if (index == epochs.size() - 1 && !state.viewingPast()) { // the last one is the latest model
            playing.set(false);
            return;
        }
        CompletableFuture<?> drawn = stepDone.get().exceptionally(e -> null);
        CompletableFuture<?> waited = CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(STEP_MILLIS, TimeUnit.MILLISECONDS));
        CompletableFuture.allOf(drawn, waited).thenRunAsync(() -> showStep(generation, index + 1), app.uiThread());
    }

    private void describe() {
        Timeline t = state.timeline();
        if (t == null || t.isEmpty()) {
            label.set("");
            return;
        }
        int last = t.lastEpoch();
        if (!state.viewingPast()) {
            label.set(Texts.format("timeline.latest", t.epochs().get(0), last));
            return;
        }
        int epoch = state.viewedEpoch();
        int kept = t.nearestModelEpoch(epoch);
        String model = kept == epoch ? "" : kept < 0 ? Texts.get("timeline.noModel") : Texts.format("timeline.modelFrom", kept);
        label.set(Texts.format("timeline.viewing", epoch, last) + model);
    }
}
