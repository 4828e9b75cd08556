package io.github.latentlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.lessons.Command;
import io.github.latentlab.lessons.LessonLibrary;
import io.github.latentlab.session.MapLayout;
import io.github.latentlab.session.Session;
import io.github.latentlab.session.SessionLesson;
import io.github.latentlab.session.SessionModel;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.latent.LatentViewModel;

/**
 * Puts a session back, step after step on the UI thread, each through the window's own commands
 * as a click or a lesson would: the lesson first (its step sets the app up), then the model, the
 * map's settings and layout, the epoch viewed, the picks, the noise and the tab on top. A step that
 * cannot be done here is named in the list the future completes with, and the others go on.
 */
final class SessionRestore {
    private final MainWindow window;
    private final SessionFiles.Unpacked unpacked;
    private final Session s;
    private final List<String> missing = new ArrayList<>();

    SessionRestore(MainWindow window, SessionFiles.Unpacked unpacked) {
        this.window = window;
        this.unpacked = unpacked;
        this.s = unpacked.session();
    }

    CompletableFuture<List<String>> run() {
        return step(this::lesson)
                .thenCompose(v -> step(this::model))
                .thenCompose(v -> step(this::data))
                .thenCompose(v -> step(this::epoch))
                .thenCompose(v -> step(this::map))
                .thenCompose(v -> step(this::picks))
                .thenApply(v -> {
                    window.noiseViewModel().kindProperty().set(s.noiseKind());
                    window.noiseViewModel().levelProperty().set(s.noiseLevel());
                    window.selectTab(s.tab());
                    return List.copyOf(missing);
                });
    }

    /** Runs one step on the UI thread; its failure is noted by the step itself, and the next goes on. */
    private CompletableFuture<Void> step(Supplier<CompletableFuture<?>> step) {
        CompletableFuture<Void> next = new CompletableFuture<>();
        window.app().uiThread().execute(() -> {
            CompletableFuture<?> f;
            try {
                f = step.get();
            } catch (RuntimeException e) {
                missing.add(Texts.problem(e));
                next.complete(null);
                return;
            }
            f.whenComplete((v, e) -> next.complete(null));
        });
        return next;
    }

    private CompletableFuture<?> lesson() {
        if (s.lesson() instanceof SessionLesson.Shipped l) {
            if (!shippedLessons().contains(l.name())) {
                missing.add(Texts.format("session.missing.lesson", l.name()));
                return done();
            }
            return window.lessons().start(l.name(), l.step());
        }
        if (s.lesson() instanceof SessionLesson.Embedded l) return window.lessons().open(unpacked.lessonFile(), l.step());
        return done();
    }

    private CompletableFuture<?> model() {
        if (s.model() instanceof SessionModel.Shipped m) {
            if (window.shipped().stream().noneMatch(e -> e.name().equals(m.name()))) {
                missing.add(Texts.format("session.missing.shippedModel", m.name()));
                return done();
            }
            if (unpacked.shippedChanged()) missing.add(Texts.format("session.missing.shippedVersion", m.name()));
            return noted(window.commands().openShipped(m.name()), Texts.format("session.missing.model", m.name()));
        }
        if (s.model() instanceof SessionModel.Embedded m) {
            return noted(window.openModelFrom(unpacked.modelFile()), Texts.format("session.missing.model", m.fileName()));
        }
        return done();
    }

    /** The dataset the session had, if it is not what this computer opened with the model. */
    private CompletableFuture<?> data() {
        DatasetSplit here = window.app().data();
        if (s.datasetId() == null) return done();
        if (here == null || !here.id().equals(s.datasetId())) {
            missing.add(Texts.format("session.missing.dataset", s.datasetId(), here == null ? "–" : here.id()));
        } else if (!s.datasetFingerprint().isEmpty() && !here.train().fingerprint().equals(s.datasetFingerprint())) {
            missing.add(Texts.format("session.missing.datasetVersion", s.datasetId()));
        }
        return done();
    }

    private CompletableFuture<?> epoch() {
        if (s.viewedEpoch() < 0) return done();
        Timeline t = window.app().timeline().timeline();
        if (t == null || !t.epochs().contains(s.viewedEpoch())) {
            missing.add(Texts.format("session.missing.epoch", s.viewedEpoch()));
            return done();
        }
        window.latentViewModel().applySettings(s.map().request()); // the epoch's map is drawn with the session's settings
        return window.commands().run(Command.parse("epoch " + s.viewedEpoch(), 0));
    }

    /** The map's settings, and its layout as it was when that is a slow one (t-SNE, UMAP). */
    private CompletableFuture<?> map() {
        LatentViewModel latent = window.latentViewModel();
        latent.applySettings(s.map().request());
        MapLayout layout = s.layout();
        int shownEpoch = window.app().timeline().viewedEpoch();
        if (layout != null && layout.epoch() == shownEpoch) return latent.restoreLayout(layout.points(), layout.epoch());
        return s.tab().equals("latent") || layout != null ? latent.compute() : done();
    }

    private CompletableFuture<?> picks() {
        LatentViewModel latent = window.latentViewModel();
        if (latent.mapProperty().get() == null) return done();
        s.picks().forEach(latent::pickRow);
        if (s.selected() >= 0) latent.select(s.selected());
        return done();
    }

    private static List<String> shippedLessons() {
        try {
            return LessonLibrary.names();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private CompletableFuture<?> noted(CompletableFuture<?> f, String what) {
        return f.whenComplete((v, e) -> { if (e != null) missing.add(what); });
    }

    private static CompletableFuture<?> done() {
        return CompletableFuture.completedFuture(null);
    }
}
