package io.github.latentlab.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import io.github.latentlab.ui.Texts;

/** A chart that shows a sentence in its place (bundle key {@code messageKey}) while it has nothing to draw. */
public final class Placeholder {
    private Placeholder() { }

    /** {@code chart} while {@code data} has something, else the sentence. */
    public static StackPane over(Node chart, String messageKey, ObservableList<?> data) {
        return over(chart, messageKey, data, null);
    }

    /** As above, with {@code instead} shown in place of the sentence while it is visible (an empty state). */
    public static StackPane over(Node chart, String messageKey, ObservableList<?> data, Node instead) {
        Label empty = new Label(Texts.get(messageKey));
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        empty.setPadding(new Insets(0, 20, 0, 20));
        chart.visibleProperty().bind(Bindings.isNotEmpty(data));
        if (instead == null) {
            empty.visibleProperty().bind(Bindings.isEmpty(data));
            return new StackPane(chart, empty);
        }
        empty.visibleProperty().bind(Bindings.isEmpty(data).and(instead.visibleProperty().not()));
        return new StackPane(chart, empty, instead);
    }
}
