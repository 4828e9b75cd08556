package io.github.latentlab.ui;

import javafx.stage.Stage;

import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.Start;

/** The readable-window checks again, with the window built in Simplified Chinese. */
@ExtendWith(InChinese.class)
class ChineseReadableWindowUiTest extends ReadableWindowUiTest {
    @Start
    @Override
    void start(Stage stage) {
        super.start(stage);
    }

    @Override
    protected String language() { return "-zh"; }
}
