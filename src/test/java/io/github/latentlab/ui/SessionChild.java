package io.github.latentlab.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.latentlab.app.LatentLabApp;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.shell.MainWindow;

/**
 * Another computer, as far as a session can tell: a fresh JVM with a fresh app folder opens the
 * session given as its argument in a real (headless) window, waits until it is restored and its
 * map drawn, and prints one line "RESULT {json}" with what the window then shows.
 */
public final class SessionChild {
    private SessionChild() { }

    public static void main(String[] args) throws Exception {
        Path session = Path.of(args[0]);
        Platform.startup(() -> { });
        MainWindow window = fx(() -> {
            LatentLabApp.applyTheme();
            MainWindow w = new MainWindow(LatentLabApp.createState());
            Stage stage = new Stage();
            stage.setScene(new Scene(w, 1400, 820));
            stage.show();
            return w;
        });
        var missing = fx(() -> window.openSession(session)).get(180, TimeUnit.SECONDS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && !fx(() -> drawn(window))) Thread.sleep(200);
        Map<String, Object> out = fx(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            AppState app = window.appState();
            LatentMap map = window.latentViewModel().mapProperty().get();
            m.put("missing", missing);
            m.put("tab", window.tabs().getSelectionModel().getSelectedItem().getId());
            m.put("modelLatent", app.model() == null ? null : app.model().latentSize());
            m.put("timelineEpochs", app.timeline().timeline() == null ? null : app.timeline().timeline().epochs());
            m.put("viewedEpoch", app.timeline().viewedEpoch());
            m.put("mapEpoch", window.latentViewModel().mapEpoch());
            m.put("method", window.latentViewModel().methodProperty().get().name());
            m.put("points", window.latentViewModel().pointsProperty().get());
            m.put("iterations", window.latentViewModel().iterationsProperty().get());
            m.put("perplexity", window.latentViewModel().perplexityProperty().get());
            m.put("seed", window.latentViewModel().seedProperty().get());
            m.put("mapSize", map == null ? null : map.codes().length);
            m.put("layout", map == null ? null : map.embedding().xy());
            m.put("picks", window.latentViewModel().picks());
            m.put("selected", window.latentViewModel().selectedProperty().get());
            m.put("noiseKind", window.noiseViewModel().kindProperty().get().id());
            m.put("noiseLevel", window.noiseViewModel().levelProperty().get());
            var lesson = window.lessonViewModel().lessonProperty().get();
            m.put("lesson", lesson == null ? null : lesson.title());
            m.put("lessonStep", window.lessonViewModel().stepProperty().get());
            m.put("data", app.data() == null ? null : app.data().id());
            return m;
        });
        System.out.println("RESULT " + new ObjectMapper().writeValueAsString(out));
        System.out.flush();
        System.exit(0);
    }

    private static boolean drawn(MainWindow window) {
        return window.latentViewModel().mapProperty().get() != null && window.latentViewModel().epochDrawn().isDone()
                && !window.lessonViewModel().settingUpProperty().get();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
