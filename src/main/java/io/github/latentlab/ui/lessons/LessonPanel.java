package io.github.latentlab.ui.lessons;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import io.github.latentlab.lessons.Block;
import io.github.latentlab.lessons.Step;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Look;

/**
 * The lesson docked beside the tabs: its title, the step's text, what the step's set-up could
 * not do, and Back, Set up again and Next with the progress through the lesson.
 */
public final class LessonPanel extends VBox {
    private final LessonViewModel vm;
    private final VBox body = new VBox(10);
    private final Label stepTitle = new Label();
    private final LessonText text;

    /** {@code pictures} reads a picture of the lesson shown by its path (null when missing). */
    public LessonPanel(LessonViewModel vm, Function<String, byte[]> pictures, Runnable close) {
        this.vm = vm;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(8);
        setPadding(new Insets(10));

        Label lessonTitle = new Label();
        lessonTitle.setId("lesson-title");
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        lessonTitle.textProperty().bind(Bindings.createStringBinding(
                () -> vm.lessonProperty().get() == null ? "" : vm.lessonProperty().get().title(), vm.lessonProperty()));
        Button closeButton = new Button("×");
        closeButton.setId("lesson-close");
        closeButton.getStyleClass().add("flat");
        closeButton.setTooltip(new Tooltip(Texts.get("lesson.close")));
        closeButton.setOnAction(e -> close.run());
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(lessonTitle, Priority.ALWAYS);
        lessonTitle.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(6, lessonTitle, closeButton);
        header.setAlignment(Pos.TOP_LEFT);

        stepTitle.setId("lesson-step-title");
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setWrapText(true);

        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        body.setPadding(new Insets(0, 8, 0, 0));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        text = new LessonText(pictures, Bindings.subtract(scroll.widthProperty(), 30));

        VBox problems = new VBox(4);
        problems.setId("lesson-problems");
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        vm.problems().addListener((javafx.collections.ListChangeListener<String>) ch -> {
            problems.getChildren().clear();
            for (String p : vm.problems()) {
                Label l = new Label(p);
                l.setWrapText(true);
                l.getStyleClass().add("lesson-problem");
                problems.getChildren().add(l);
            }
        });

        getChildren().addAll(header, stepTitle, scroll, problems, footer());
        vm.stepProperty().addListener((o, a, b) -> showStep());
        vm.lessonProperty().addListener((o, a, b) -> showStep());
        setMinWidth(0);
        prefWidthProperty().bind(Look.scaled(330));
    }

    private VBox footer() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progress());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label where = new Label();
        where.setId("lesson-progress");
        where.textProperty().bind(vm.progressText());
        where.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox progress = new HBox(8, bar, where);
        progress.setAlignment(Pos.CENTER_LEFT);

        Button back = new Button(Texts.get("lesson.back"));
        back.setId("lesson-back");
        back.disableProperty().bind(vm.canGoBack().not());
        back.setOnAction(e -> vm.back());
        Button again = new Button(Texts.get("lesson.again"));
        again.setId("lesson-again");
        again.setTooltip(new Tooltip(Texts.get("lesson.again.tip")));
        again.disableProperty().bind(vm.settingUpProperty());
        again.setOnAction(e -> vm.setUpAgain());
        Button next = new Button(Texts.get("lesson.next"));
        next.setId("lesson-next");
        next.getStyleClass().add("accent");
        next.disableProperty().bind(vm.canGoNext().not());
        next.setOnAction(e -> vm.next());
        for (Button b : new Button[] {back, again, next}) b.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(6, back, again, spacer, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, progress, buttons);
    }

    private void showStep() {
        Step step = vm.currentStep();
        body.getChildren().clear();
        stepTitle.setText(step == null ? "" : step.title());
        if (step == null) return;
        for (Block b : step.blocks()) body.getChildren().add(text.render(b));
    }
}
