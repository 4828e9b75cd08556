package io.github.latentlab.ui.latent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.projection.MapRequest;
import io.github.latentlab.projection.Projector;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.TimelineState;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * The latent map at a past epoch of the training timeline: when the epoch shown changes, lays out
 * that epoch's stored codes (aligned onto the last epoch's map, {@link EpochMaps}) and moves the
 * points there; back at the latest model, puts the latest map back at once (or has it made again).
 * Shares the pane's map, status and running job with {@link LatentViewModel}, on the FX thread.
 */
final class EpochView {
    private final AppState app;
    private final ReadOnlyObjectWrapper<LatentMap> map;
    private final StringProperty status;
    private final BooleanProperty active;
    private final ObjectProperty<MapMethod> method;
    private final MapJob job;
    private final Supplier<MapRequest> request;
    private final BiFunction<Integer, MapRequest, Projector> restored;
    private final Consumer<Boolean> latestAgain;
    private final EpochMaps epochMaps = new EpochMaps();
    /** The latest model's map, kept while a past epoch is shown, to come back to at once. */
    private LatentMap latestMap;
    private int mapEpoch = TimelineState.LATEST;
    private int moveGeneration;
    private CompletableFuture<?> shown = CompletableFuture.completedFuture(null);

    /**
     * {@code restored}: a layout given back for (epoch, request), or null; {@code latestAgain} is
     * told, back at the latest model, whether its map was kept (else it has one made).
     */
    EpochView(AppState app, ReadOnlyObjectWrapper<LatentMap> map, StringProperty status, BooleanProperty active,
              ObjectProperty<MapMethod> method, MapJob job, Supplier<MapRequest> request,
              BiFunction<Integer, MapRequest, Projector> restored, Consumer<Boolean> latestAgain) {
        this.app = app;
        this.map = map;
        this.status = status;
        this.active = active;
        this.method = method;
        this.job = job;
        this.request = request;
        this.restored = restored;
        this.latestAgain = latestAgain;
        app.timeline().viewedEpochProperty().addListener((o, was, is) -> changed(was.intValue(), is.intValue()));
    }

    /** The epoch the map shows ({@link TimelineState#LATEST} for the latest model). */
    int mapEpoch() { return mapEpoch; }

    /** Completes once the map of the epoch now shown is drawn (at once when the map is not on screen). */
    CompletableFuture<?> drawn() {
        return active.get() ? shown : CompletableFuture.completedFuture(null);
    }

    private void changed(int was, int is) {
        if (is == TimelineState.LATEST) {
            job.cancel();
            mapEpoch = TimelineState.LATEST;
            moveGeneration++;
            LatentMap latest = latestMap;
            latestMap = null;
            if (latest != null) {
                map.set(latest);
                status.set(Texts.format("latent.status.shown", Texts.name(method.get()), latest.embedding().note()));
            } else if (!active.get()) {
                map.set(null);
            }
            latestAgain.accept(latest != null);
            return;
        }
        if (was == TimelineState.LATEST) latestMap = map.get();
        if (active.get()) show();
    }

    /**
     * Lays out the stored codes of the epoch shown, aligned onto the last epoch's map, and moves
     * the points there; the status says the map now shows the timeline's images.
     */
    CompletableFuture<?> show() {
        Timeline t = app.timeline().timeline();
        int epoch = app.timeline().viewedEpoch();
        if (t == null || epoch == TimelineState.LATEST) return CompletableFuture.completedFuture(null);
        Cancellation cancel = job.start();
        if (map.get() == null && method.get() == MapMethod.PCA && t.model().spec().latent() == 2) {
            method.set(MapMethod.IDENTITY); // a 2-D code is its own map, as for the latest model
        }
        MapRequest r = request.get();
        int generation = ++moveGeneration;
        LatentMap before = map.get();
        Progress progress = MapJob.progressTo(app.uiThread(), status, cancel);
        Consumer<LatentMap> frames = MapJob.framesTo(app.uiThread(), map, cancel);
        CompletableFuture<LatentMap> done = new CompletableFuture<>();
        shown = done;
        Projector given = restored.apply(epoch, r);
        app.background().run(() -> epochMaps.map(t, epoch, r, given, progress, cancel, frames), result -> {
            if (cancel.isCancelled()) return;
            job.done(cancel);
            mapEpoch = epoch;
            status.set(Texts.format("latent.status.epoch", epoch, result.codes().length, Texts.name(r.method()),
                    result.embedding().note()));
            moveTo(EpochMaps.tween(before, result), 0, generation, done);
        }, error -> {
            if (cancel.isCancelled()) return;
            job.done(cancel);
            status.set(Texts.format("latent.status.failed", Texts.problem(error)));
            done.completeExceptionally(error);
        });
        return done;
    }

    /** Shows the frames of a move one by one, about 30 a second; a newer map stops it. */
    private void moveTo(LatentMap[] frames, int i, int generation, CompletableFuture<LatentMap> done) {
        if (generation != moveGeneration) {
            done.complete(frames[frames.length - 1]);
            return;
        }
        map.set(frames[i]);
        if (i == frames.length - 1) {
            done.complete(frames[i]);
            return;
        }
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(33, TimeUnit.MILLISECONDS))
                .thenRunAsync(() -> moveTo(frames, i + 1, generation, done), app.uiThread());
    }
}
