package io.github.latentlab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ErrorDialog;
import io.github.latentlab.ui.fx.Background;
import io.github.latentlab.ui.fx.FxExecutor;
import io.github.latentlab.ui.shell.LanguageChoice;
import io.github.latentlab.ui.shell.MainWindow;
import io.github.latentlab.ui.shell.WindowPlacement;
import io.github.latentlab.util.AppDirs;

/** The JavaFX application: wires the services and the main window, and shuts them down on close. */
public final class LatentLabApp extends Application {
    private AppState state;

    static void launchApp(String... args) {
        Application.launch(LatentLabApp.class, args);
    }

    /** Builds the shared state and services; separate so tests can build the window the same way. */
    public static AppState createState() {
        Background background = new Background(error ->
                ErrorDialog.show(null, Texts.get("error.background"), error));
        return new AppState(new DatasetCatalog(), new TrainingService(), background, FxExecutor.INSTANCE);
    }

    /** The look: AtlantaFX Primer Light (the window's own stylesheet builds on its colors). */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        LanguageChoice.apply(AppDirs.home()); // before any text is read
        applyTheme();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Platform.runLater(() ->
                ErrorDialog.show(stage, Texts.format("error.unexpected", t.getName()), e)));
        state = createState();
        WindowPlacement placement = new WindowPlacement(AppDirs.home().resolve("window.properties"));
        placement.restoreLook();
        MainWindow window = new MainWindow(state);
        Scene scene = new Scene(window);
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        placement.place(stage);
        window.restore(placement.divider(), placement.tab());
        stage.setOnHiding(e -> placement.save(stage, window.divider(), window.selectedTab()));
        stage.setOnCloseRequest(e -> {
            if (!state.training().isRunning()) return;
            e.consume();
            askBeforeQuitting(stage, window);
        });
        stage.show();
        window.startBackgroundLoading();
        var args = getParameters().getRaw();
        if (args.size() == 2 && args.get(0).equals("--lesson")) {
            window.startLesson(args.get(1));
        } else if (args.size() == 2 && args.get(0).equals("--session")) {
            window.openSession(Path.of(args.get(1)));
        } else if (!args.isEmpty()) {
            window.openModelFrom(Path.of(args.get(0)));
            if (args.size() > 1) window.selectTab(args.get(1));
        }
    }

    /**
     * Closing while training: save a copy (atomically) and quit, quit (the run folder keeps its
     * last epoch's checkpoint, resumable from the Runs tab), or stay. The training thread lets go
     * of the model within one batch before the window closes.
     */
    private void askBeforeQuitting(Stage stage, MainWindow window) {
        ButtonType save = new ButtonType(Texts.get("quit.save"));
        ButtonType quit = new ButtonType(Texts.get("menu.file.quit"), ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("quit.text"), save, quit, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setHeaderText(Texts.get("quit.header"));
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) return;
        CompletableFuture<?> saved = CompletableFuture.completedFuture(null);
        if (answer.get() == save) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Texts.get("menu.file.save.title"));
            chooser.setInitialFileName("model" + ModelStore.EXTENSION);
            File f = chooser.showSaveDialog(stage);
            if (f == null) return;
            state.training().pause(); // the copy is taken between two batches, then training stops
            saved = window.saveModelTo(f.toPath());
        }
        saved.whenComplete((ok, error) -> {
            if (error != null) { // the save failed (its dialog says why): keep training and the window
                state.training().resume();
                return;
            }
            state.training().stop();
            new Thread(() -> {
                try {
                    state.training().stopAndWait(30_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(stage::close);
            }, "latent-lab-close").start();
        });
    }

    @Override
    public void stop() {
        if (state != null) state.close();
    }
}
