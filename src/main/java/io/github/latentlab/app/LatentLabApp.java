package io.github.latentlab.app;

import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import io.github.latentlab.data.DatasetCatalog;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.MainWindow;
import io.github.latentlab.ui.fx.Background;
import io.github.latentlab.ui.fx.ErrorDialog;
import io.github.latentlab.ui.fx.FxExecutor;

/** The JavaFX application: wires the services and the main window, and shuts them down on close. */
public final class LatentLabApp extends Application {
    private AppState state;

    static void launchApp(String... args) {
        Application.launch(LatentLabApp.class, args);
    }

    /** Builds the shared state and services; separate so tests can build the window the same way. */
    public static AppState createState() {
        Background background = new Background(error ->
                ErrorDialog.show(null, "Background work failed", error));
        return new AppState(new DatasetCatalog(), new TrainingService(), background, FxExecutor.INSTANCE);
    }

    /** The look: AtlantaFX Primer Light (the window's own stylesheet builds on its colors). */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        applyTheme();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Platform.runLater(() ->
                ErrorDialog.show(stage, "Unexpected error in " + t.getName(), e)));
        state = createState();
        MainWindow window = new MainWindow(state);
        Scene scene = new Scene(window, 1280, 860);
        stage.setTitle("Latent Lab");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!state.training().isRunning()) return;
            e.consume();
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                    "Training is still running. Stop it and quit? The model trained so far is lost unless you saved it.",
                    ButtonType.CANCEL, ButtonType.OK);
            ask.initOwner(stage);
            ask.setHeaderText("Quit while training?");
            Optional<ButtonType> answer = ask.showAndWait();
            if (answer.isPresent() && answer.get() == ButtonType.OK) {
                state.training().stop();
                // close once the training thread has let go of the model (within one batch)
                new Thread(() -> {
                    try {
                        state.training().stopAndWait(30_000);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                    Platform.runLater(stage::close);
                }, "latent-lab-close").start();
            }
        });
        stage.show();
        window.startBackgroundLoading();
        getParameters().getRaw().stream().findFirst()
                .ifPresent(file -> window.openModelFrom(java.nio.file.Path.of(file)));
    }

    @Override
    public void stop() {
        if (state != null) state.close();
    }
}
