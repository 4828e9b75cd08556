package io.github.latentlab.ui.fx;

import java.util.concurrent.Executor;

import javafx.application.Platform;

/** Runs on the JavaFX thread: at once when already there, else at the next pulse. */
public final class FxExecutor implements Executor {
    public static final FxExecutor INSTANCE = new FxExecutor();

    private FxExecutor() { }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) command.run();
        else Platform.runLater(command);
    }
}
