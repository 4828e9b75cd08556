package io.github.latentlab.ui.controls;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import io.github.latentlab.ui.Texts;

/** Shows a failure as a dialog: the plain message first, the technical details folded away. */
public final class ErrorDialog {
    private ErrorDialog() { }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Latent Lab");
        alert.setHeaderText(title);
        alert.setContentText(Texts.problem(error));
        StringWriter details = new StringWriter();
        error.printStackTrace(new PrintWriter(details));
        TextArea area = new TextArea(details.toString());
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(area);
        alert.show();
    }
}
