package io.github.latentlab.ui.timeline;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.TimelineState;

/**
 * A bar above the tabs while the model has a timeline: play through the epochs, step one back or
 * on, a slider over the stored epochs, what is shown ("Viewing epoch 7 of 20") and the way back
 * to the latest model. Tinted while a past epoch is shown, so nobody mistakes it for the latest.
 */
public final class TimelineBar extends HBox {
    private final Slider slider = new Slider(0, 1, 1);
    private boolean updating;

    public TimelineBar(TimelineViewModel vm) {
        super(8);
        setId("timeline-bar");
        getStyleClass().add("timeline-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));

        Button play = new Button();
        play.setId("timeline-play");
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playingProperty())
                .then(Texts.get("timeline.pause")).otherwise(Texts.get("timeline.play")));
        play.setTooltip(new Tooltip(Texts.get("timeline.play.tip")));
        play.setOnAction(e -> { if (vm.playingProperty().get()) vm.stop(); else vm.play(); });
        play.setMinWidth(Region.USE_PREF_SIZE);
        Button back = new Button("◀");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setId("timeline-back");
        back.setTooltip(new Tooltip(Texts.get("timeline.back.tip")));
        back.setOnAction(e -> vm.step(-1));
        Button on = new Button("▶");
        on.setMinWidth(Region.USE_PREF_SIZE);
        on.setId("timeline-on");
        on.setTooltip(new Tooltip(Texts.get("timeline.on.tip")));
        on.setOnAction(e -> vm.step(1));
        CheckBox loop = new CheckBox(Texts.get("timeline.loop"));
        loop.selectedProperty().bindBidirectional(vm.loopProperty());
        loop.setMinWidth(Region.USE_PREF_SIZE);

        slider.setId("timeline-slider");
        slider.setSnapToTicks(true);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setPrefWidth(180);
        slider.setMinWidth(80);
        slider.valueProperty().addListener((o, was, is) -> {
            if (!updating) vm.view(is.doubleValue());
        });

        Label what = new Label();
        what.setId("timeline-label");
        what.getStyleClass().add("timeline-epoch");
        what.textProperty().bind(vm.labelProperty());
        what.setTooltip(new Tooltip(Texts.get("timeline.label.tip")));
        what.getTooltip().setWrapText(true);
        what.getTooltip().setMaxWidth(420);
        what.setMinWidth(0);
        what.setWrapText(true); // beside a lesson the bar is narrow: the words take two lines, never an ellipsis
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);

        Button latest = new Button(Texts.get("timeline.backToLatest"));
        latest.setId("timeline-latest");
        latest.setOnAction(e -> vm.latest());
        latest.setMinWidth(Region.USE_PREF_SIZE);
        latest.visibleProperty().bind(vm.state().viewedEpochProperty().isNotEqualTo(TimelineState.LATEST));
        latest.managedProperty().bind(latest.visibleProperty());

        getChildren().addAll(play, back, on, slider, what, loop, latest);
        visibleProperty().bind(vm.availableProperty());
        managedProperty().bind(visibleProperty());
        Runnable sync = () -> {
            Timeline t = vm.state().timeline();
            updating = true;
            if (t != null && !t.isEmpty()) {
                slider.setMin(t.epochs().get(0));
                slider.setMax(Math.max(t.lastEpoch(), t.epochs().get(0) + 1));
                slider.setValue(vm.state().viewingPast() ? vm.state().viewedEpoch() : t.lastEpoch());
            }
            updating = false;
            getStyleClass().remove("viewing-past");
            if (vm.state().viewingPast()) getStyleClass().add("viewing-past");
        };
        vm.state().timelineProperty().addListener((o, was, is) -> sync.run());
        vm.state().viewedEpochProperty().addListener((o, was, is) -> sync.run());
        sync.run();
    }
}
