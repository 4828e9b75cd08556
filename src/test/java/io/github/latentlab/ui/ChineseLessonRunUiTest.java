package io.github.latentlab.ui;

import javafx.stage.Stage;

import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.Start;

/** The same lessons in Chinese: the window and the lesson files in Simplified Chinese. */
@ExtendWith(InChinese.class)
class ChineseLessonRunUiTest extends LessonRunUiTest {
    @Start
    @Override
    void start(Stage stage) {
        super.start(stage);
    }

    @Override
    protected String language() { return "zh"; }
}
