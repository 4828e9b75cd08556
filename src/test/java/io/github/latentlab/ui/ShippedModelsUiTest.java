package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The models that come with the app are one menu away, and one opens into every pane offline. */
class ShippedModelsUiTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void aShippedModelOpensFromTheFileMenuAndFillsTheLatentMap(FxRobot robot) throws Exception {
        MenuBar bar = (MenuBar) window.getTop();
        Menu shipped = (Menu) bar.getMenus().get(0).getItems().stream().filter(i -> "menu-shipped".equals(i.getId()))
                .findFirst().orElseThrow();
        assertTrue(shipped.getItems().size() >= 8, "eight shipped models are offered");
        var digits = shipped.getItems().stream().filter(i -> i.getText().startsWith("Built-in digits · autoencoder"))
                .findFirst().orElseThrow();
        robot.interact(digits::fire);
        waitUntil(() -> state.model() != null);
        assertEquals(2, state.model().latentSize());
        assertEquals("builtin-digits", window.trainingViewModel().form().datasetIdProperty().get());
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        waitUntil(() -> window.latentViewModel().mapProperty().get() != null);
        assertEquals(state.data().test().size() > 5000 ? 5000 : state.data().test().size(),
                window.latentViewModel().mapProperty().get().codes().length, "the test images, mapped");
    }

    /** A first start: the Train tab offers lesson 1, which opens beside the tabs with its model, and nothing is clipped. */
    @Test
    void aNewcomerStartsLessonOneFromTheTrainTab(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.window(0).setWidth(1280);
            robot.window(0).setHeight(800);
        });
        assertTrue(robot.lookup("#train-welcome").query().isVisible(), "the Train tab welcomes a newcomer");
        assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> ReadableWindowUiTest.clippedIn(window))
                .get(10, TimeUnit.SECONDS));
        robot.clickOn(robot.lookup("#train-welcome #empty-lesson").queryButton());
        waitUntil(() -> window.lessonViewModel().lessonProperty().get() != null && state.model() != null
                && !window.lessonViewModel().settingUpProperty().get());
        assertEquals(0, window.lessonViewModel().stepProperty().get());
        assertTrue(window.lessonViewModel().problems().isEmpty(), window.lessonViewModel().problems().toString());
        assertTrue(!robot.lookup("#train-welcome").query().isVisible(), "with a model open the welcome is gone");
    }

    /** Help › Keyboard shortcuts lists every menu's keys, the File and Lessons menus' too. */
    @Test
    void helpListsTheShortcutsOfEveryMenu(FxRobot robot) throws Exception {
        MenuBar bar = (MenuBar) window.getTop();
        Menu help = bar.getMenus().get(bar.getMenus().size() - 1);
        var list = help.getItems().stream().filter(i -> Texts.get("menu.help.shortcuts").equals(i.getText())).findFirst().orElseThrow();
        robot.interact(list::fire);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String text = ((DialogPane) robot.lookup(".dialog-pane").query()).getContentText();
        for (String item : new String[] {"menu.file.open", "menu.training.start", "menu.view.presenter", "menu.lessons.next"}) {
            assertTrue(text.contains(" › " + Texts.get(item)), item + " in\n" + text);
        }
        robot.interact(() -> ((Stage) robot.lookup(".dialog-pane").query().getScene().getWindow()).close());
    }
}
