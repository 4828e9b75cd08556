package io.github.latentlab.ui.controls;

import javafx.beans.property.IntegerProperty;
import javafx.scene.control.Spinner;

/** Editable integer spinners kept in step with a view model's property, both ways. */
public final class Spinners {
    private Spinners() { }

    public static Spinner<Integer> bound(IntegerProperty property, int min, int max, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get(), step);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) property.set(b); });
        property.addListener((o, a, b) -> spinner.getValueFactory().setValue(b.intValue()));
        return spinner;
    }
}
