package io.github.latentlab.ui;

import io.github.latentlab.ui.shell.MainWindow;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.app.LatentLabApp;

/** The real main window, built as the app builds it, shown headless for each test and closed after. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    protected AppState state;
    protected MainWindow window;

    /** Call from the subclass's {@code @Start} method (TestFX looks for it on the test class itself). */
    protected void show(Stage stage) {
        LatentLabApp.applyTheme();
        state = LatentLabApp.createState();
        window = new MainWindow(state);
        stage.setScene(new Scene(window, 1400, 820));
        stage.show();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    /** Waits up to 60 s for a condition, letting the FX thread work between checks. */
    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
