package io.github.latentlab.ui.controls;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.controls.Popover;

import io.github.latentlab.ui.Texts;

/**
 * A pane's "what am I looking at?": a small button that opens a short explanation beside it
 * (what the view shows, what its numbers measure, what not to read into it), one click away and
 * gone with the next click elsewhere.
 */
public final class Explanation {
    private Explanation() { }

    /** The button for the explanation with bundle keys {@code key}.title and {@code key}.text. */
    public static Button button(String key) {
        Button button = new Button("?");
        button.setId("explain-" + key.replace('.', '-'));
        button.getStyleClass().add("explain-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(Texts.get("explain.button.tip")));
        button.setOnAction(e -> popover(key).show(button));
        return button;
    }

    static Popover popover(String key) {
        Label text = new Label(Texts.get(key + ".text"));
        text.setWrapText(true);
        text.setMaxWidth(460 * Look.scale());
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(text);
        Popover pop = new Popover(box);
        pop.setTitle(Texts.get(key + ".title"));
        pop.setHeaderAlwaysVisible(true);
        pop.setDetachable(false);
        pop.setAutoHide(true);
        pop.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        return pop;
    }
}
