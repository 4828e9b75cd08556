package io.github.latentlab.ui.controls;

import java.util.Map;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.Texts;

/**
 * What a pane shows before there is anything to show: a sentence saying what to do next and the
 * buttons that do it (train a model, open one). Shown only while {@code empty} holds.
 */
public final class EmptyState extends VBox {
    public EmptyState(String messageKey, ObservableBooleanValue empty, AppCommands actions) {
        this(messageKey, empty, actions, true);
    }

    /** As above; without {@code offerTraining}, no button leads to the Train tab (for the Train tab itself). */
    public EmptyState(String messageKey, ObservableBooleanValue empty, AppCommands actions, boolean offerTraining) {
        super(10);
        setAlignment(Pos.CENTER);
        getStyleClass().add("empty-state");
        Label message = new Label(Texts.get(messageKey));
        message.setWrapText(true);
        message.setMaxWidth(440 * Look.scale());
        message.getStyleClass().add("text-muted");
        HBox buttons = new HBox(8);
        if (offerTraining) {
            Button train = new Button(Texts.get("empty.train"));
            train.setId("empty-train");
            train.setOnAction(e -> actions.showTab("train"));
            buttons.getChildren().add(train);
        }
        Button open = new Button(Texts.get("empty.open"));
        open.setId("empty-open");
        open.setOnAction(e -> actions.openModel());
        buttons.getChildren().add(open);
        Map<String, String> shipped = actions.shippedModels();
        if (!shipped.isEmpty()) { // the models that come with the app: a map or a drawing in one click
            MenuButton example = new MenuButton(Texts.get("empty.shipped"));
            example.setId("empty-shipped");
            shipped.forEach((name, title) -> {
                MenuItem item = new MenuItem(title);
                item.setOnAction(e -> actions.openShipped(name));
                example.getItems().add(item);
            });
            buttons.getChildren().add(example);
        }
        if (actions.hasLessons()) { // a newcomer's way in: the first lesson sets everything up
            Button lesson = new Button(Texts.get("empty.lesson"));
            lesson.setId("empty-lesson");
            lesson.setOnAction(e -> actions.startFirstLesson());
            lesson.getStyleClass().add("accent");
            buttons.getChildren().add(lesson);
        }
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(message, buttons);
        visibleProperty().bind(empty);
        managedProperty().bind(empty);
        setPickOnBounds(false); // clicks outside the buttons reach what lies below
    }
}
