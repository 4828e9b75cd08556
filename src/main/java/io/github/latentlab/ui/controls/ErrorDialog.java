package io.github.latentlab.ui.controls;

import java.io.PrintWriter;
import java.io.StringWriter;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import io.github.latentlab.ui.Texts;
import io.github.latentlab.util.Message;

/** Shows a failure as a dialog: the plain message first, the technical details folded away. */
public final class ErrorDialog {
    private ErrorDialog() { }

    public static void show(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Latent Lab");
        alert.setHeaderText(title);
        alert.setContentText(plainMessage(error));
        StringWriter details = new StringWriter();
        error.printStackTrace(new PrintWriter(details));
        TextArea area = new TextArea(details.toString());
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(area);
        alert.show();
    }

    /** The failure in words: a core message in the window's language, else the first message in the chain of causes. */
    public static String plainMessage(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof Message.Carrier carrier && carrier.userMessage() != null) return Texts.render(carrier.userMessage());
        }
        Throwable e = error;
        while ((e.getMessage() == null || e.getMessage().isBlank()) && e.getCause() != null) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
