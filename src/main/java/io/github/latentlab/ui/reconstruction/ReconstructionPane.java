package io.github.latentlab.ui.reconstruction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import io.github.latentlab.projection.CodeImages;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ImageGrid;

/**
 * Originals above their reconstructions with per-image MSE/PSNR, and optionally each image's code
 * as a grey picture between them; next, random, class filter, count.
 */
public final class ReconstructionPane extends BorderPane {
    final ImageGrid grid = new ImageGrid();
    private final ReconstructionViewModel vm;

    public ReconstructionPane(ReconstructionViewModel vm) {
        this.vm = vm;
        getStyleClass().add("reconstruction-pane");
        grid.setId("reconstruction-grid");

        Button next = new Button(Texts.get("recon.next"));
        next.setId("next-batch");
        next.setOnAction(e -> vm.next());
        Button random = new Button(Texts.get("recon.random"));
        random.setId("random-batch");
        random.setOnAction(e -> vm.random());

        ComboBox<String> classes = new ComboBox<>();
        classes.setId("class-filter");
        vm.classNamesProperty().addListener((o, a, names) -> {
            List<String> items = new ArrayList<>();
            items.add(Texts.get("recon.allClasses"));
            names.forEach(n -> items.add(Texts.className(n)));
            classes.getItems().setAll(items);
            classes.getSelectionModel().select(0);
        });
        classes.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) vm.classFilterProperty().set(i.intValue() - 1);
        });

        Spinner<Integer> count = new Spinner<>(1, ReconstructionViewModel.MAX_COUNT, vm.countProperty().get());
        count.setEditable(true);
        count.setPrefWidth(80);
        count.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) vm.countProperty().set(b); });

        CheckBox codes = new CheckBox(Texts.get("train.codes.show"));
        codes.setId("show-codes");
        codes.setTooltip(new Tooltip(Texts.get("train.codes.show.tip")));
        codes.selectedProperty().bindBidirectional(vm.showCodesProperty());
        codes.setMinWidth(Region.USE_PREF_SIZE);

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("reconstruction-summary");

        HBox controls = new HBox(8, new Label(Texts.get("recon.testImages")), count, classes, next, random, codes);
        controls.setAlignment(Pos.CENTER_LEFT);
        // the summary goes under the controls when there is no room beside them (presenter mode)
        FlowPane bar = new FlowPane(24, 4, controls, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);
        setCenter(grid);
        BorderPane.setMargin(grid, new Insets(4, 8, 8, 8));

        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.showCodesProperty().addListener((o, a, b) -> show(vm.resultProperty().get()));
        vm.codeRowsProperty().addListener((o, a, b) -> show(vm.resultProperty().get()));
    }

    private void show(ReconstructionViewModel.Result r) {
        if (r == null) {
            grid.setRows(List.of(), 28);
            return;
        }
        List<ImageGrid.Row> rows = new ArrayList<>();
        rows.add(new ImageGrid.Row(Texts.get("recon.row.original"), Arrays.asList(r.originals()), null));
        CodeImages codes = vm.codeImages();
        if (codes != null) { // between each image and its reconstruction, as the tutorials draw it
            rows.add(new ImageGrid.Row(Texts.get("train.codes.row"),
                    Arrays.asList(codes.images()), null, codes.cols(), codes.rows(), vm.codeTips()));
        }
        if (r.reconstructions() != null) {
            rows.add(new ImageGrid.Row(Texts.get("recon.row.reconstructed"), Arrays.asList(r.reconstructions()),
                    ReconstructionViewModel.captions(r)));
        } else { // keep the layout still: the reconstructions appear in place once a model exists
            rows.add(new ImageGrid.Row(Texts.get("recon.row.reconstructed"), Arrays.asList(new float[r.originals().length][]),
                    Collections.nCopies(r.originals().length, "")));
        }
        grid.setRows(rows, r.side());
    }
}
