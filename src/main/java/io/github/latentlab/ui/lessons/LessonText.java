package io.github.latentlab.ui.lessons;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import io.github.latentlab.lessons.Block;
import io.github.latentlab.lessons.Inline;
import io.github.latentlab.ui.Texts;

/**
 * Draws a step's blocks: text flows with styled runs, lists, pictures fitted to the panel's width,
 * and questions whose answer shows on request. Styles are in latent-lab.css ({@code lesson-*}).
 */
final class LessonText {
    private final Function<String, byte[]> pictures;
    private final ObservableNumberValue width;

    /** {@code pictures} reads a picture's bytes by its path in the lesson (null when missing). */
    LessonText(Function<String, byte[]> pictures, ObservableNumberValue width) {
        this.pictures = pictures;
        this.width = width;
    }

    Node render(Block block) {
        if (block instanceof Block.Paragraph p) return flow(p.text(), "lesson-paragraph");
        if (block instanceof Block.Heading h) return flow(h.text(), "lesson-heading");
        if (block instanceof Block.Items items) return items(items);
        if (block instanceof Block.Picture picture) return picture(picture);
        return question((Block.Question) block);
    }

    private static TextFlow flow(List<Inline> text, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        for (Inline run : text) {
            Text t = new Text(run.text());
            t.getStyleClass().addAll("lesson-text", "lesson-" + run.style().name().toLowerCase(Locale.ROOT));
            flow.getChildren().add(t);
        }
        return flow;
    }

    private static Node items(Block.Items items) {
        VBox list = new VBox(4);
        for (int i = 0; i < items.items().size(); i++) {
            Label mark = new Label(items.numbered() ? (i + 1) + "." : "•");
            mark.setMinWidth(Label.USE_PREF_SIZE);
            TextFlow text = flow(items.items().get(i), "lesson-item");
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, mark, text);
            row.setAlignment(Pos.TOP_LEFT);
            list.getChildren().add(row);
        }
        return list;
    }

    private Node picture(Block.Picture picture) {
        byte[] bytes = pictures.apply(picture.path());
        Image image = bytes == null ? null : new Image(new ByteArrayInputStream(bytes));
        if (image == null || image.isError()) {
            Label missing = new Label(Texts.format("lesson.pictureMissing", picture.alt(), picture.path()));
            missing.setWrapText(true);
            return missing;
        }
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.fitWidthProperty().bind(Bindings.min(image.getWidth(), width));
        view.setAccessibleText(picture.alt());
        return view;
    }

    private static Node question(Block.Question q) {
        Label predict = new Label(Texts.get("lesson.predict"));
        predict.getStyleClass().add("lesson-predict");
        TextFlow prompt = flow(q.prompt(), "lesson-prompt");
        TextFlow answer = flow(q.answer(), "lesson-answer");
        answer.setVisible(false);
        answer.managedProperty().bind(answer.visibleProperty());
        Button reveal = new Button(Texts.get("lesson.reveal"));
        reveal.getStyleClass().add("lesson-reveal");
        reveal.setOnAction(e -> {
            answer.setVisible(true);
            reveal.setVisible(false);
        });
        reveal.managedProperty().bind(reveal.visibleProperty());
        VBox box = new VBox(6, predict, prompt, reveal, answer);
        box.getStyleClass().add("lesson-question");
        return box;
    }
}
