package io.github.latentlab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Run;
import io.github.latentlab.ui.AppActions;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.draw.DrawPane;
import io.github.latentlab.ui.draw.DrawViewModel;
import io.github.latentlab.ui.fx.ErrorDialog;
import io.github.latentlab.ui.fx.FolderOpener;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.latent.LatentPane;
import io.github.latentlab.ui.latent.LatentViewModel;
import io.github.latentlab.ui.noise.NoisePane;
import io.github.latentlab.ui.noise.NoiseViewModel;
import io.github.latentlab.ui.reconstruction.ReconstructionPane;
import io.github.latentlab.ui.reconstruction.ReconstructionViewModel;
import io.github.latentlab.ui.runs.ClassicComparisons;
import io.github.latentlab.ui.runs.CompareViewModel;
import io.github.latentlab.ui.runs.RunsPane;
import io.github.latentlab.ui.runs.RunsViewModel;
import io.github.latentlab.ui.training.TrainingPane;
import io.github.latentlab.ui.training.TrainingViewModel;
import io.github.latentlab.util.BuildInfo;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Logs;

/**
 * The main window's content: menu, the training pane above the reconstruction pane, and a
 * status bar (backend threading, data, messages). Starts loading the backend and the default
 * dataset in the background as soon as it is built.
 */
public final class MainWindow extends BorderPane {
    private final AppState app;
    private final TrainingViewModel trainingVm;
    private final ReconstructionViewModel reconstructionVm;
    private final TrainingPane trainingPane;
    private final ReconstructionPane reconstructionPane;
    private final SplitPane split;
    private final NoiseViewModel noiseVm;
    private final DrawViewModel drawVm;
    private final LatentViewModel latentVm;
    private final ModelFiles modelFiles;
    private final CompareViewModel compareVm;
    private final RunsViewModel runsVm;
    private final LatentPane latentPane;
    private final ShellMenus menus = new ShellMenus();
    /** What panes may ask of the window (empty states' buttons). */
    private final AppActions actions = new AppActions() {
        @Override public void showTab(String name) { selectTab(name); }

        @Override public void openModel() { MainWindow.this.openModel(); }

        @Override public List<String> shippedModels() { return shipped.stream().map(ShippedModels.Entry::title).toList(); }

        @Override public void openShipped(String title) {
            shipped.stream().filter(e -> e.title().equals(title)).findFirst().ifPresent(MainWindow.this::openShipped);
        }
    };
    private final List<ShippedModels.Entry> shipped = ShippedModels.list();
    private final RunsPane runsPane;
    private final TabPane tabs = new TabPane();
    private final Label runtimeLabel = new Label("Loading ND4J…");
    private final Label dataLabel = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

    public MainWindow(AppState app) {
        this.app = app;
        this.trainingVm = new TrainingViewModel(app, this::showError);
        this.reconstructionVm = new ReconstructionViewModel(app);
        this.trainingPane = new TrainingPane(trainingVm, app.catalog());
        this.reconstructionPane = new ReconstructionPane(reconstructionVm);
        split = new SplitPane(trainingPane, reconstructionPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        this.latentVm = new LatentViewModel(app);
        this.compareVm = new CompareViewModel(app);
        this.runsVm = new RunsViewModel(app, trainingVm.form()::settings, compareVm, this::showError);
        this.modelFiles = new ModelFiles(app);
        this.noiseVm = new NoiseViewModel(app, latentVm);
        var noisePane = new NoisePane(noiseVm, noise -> {
            trainingVm.form().kindProperty().set(ModelKind.DAE);
            trainingVm.form().noiseKindProperty().set(noise.kind());
            trainingVm.form().noiseLevelProperty().set(noise.level());
            tabs.getSelectionModel().select(0);
        }, latentVm, runsVm.runs());
        Tab trainTab = new Tab("Train", split);
        Tab noiseTab = new Tab("Noise", noisePane);
        trainTab.setId("tab-train");
        noiseTab.setId("tab-noise");
        this.drawVm = new DrawViewModel(app, latentVm);
        Tab drawTab = new Tab("Draw", new DrawPane(drawVm, latentVm, actions));
        drawTab.setId("tab-draw");
        this.latentPane = new LatentPane(latentVm, actions);
        Tab latentTab = new Tab("Latent map", latentPane);
        latentTab.setId("tab-latent");
        this.runsPane = new RunsPane(runsVm, this::openRun);
        Tab runsTab = new Tab("Runs", runsPane);
        runsTab.setId("tab-runs");
        tabs.getTabs().setAll(trainTab, latentTab, noiseTab, drawTab, runsTab);
        // panes hidden behind another tab do no work while a model trains
        noiseVm.activeProperty().bind(noiseTab.selectedProperty());
        drawVm.activeProperty().bind(drawTab.selectedProperty());
        latentVm.activeProperty().bind(latentTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(menu());
        setCenter(tabs);
        setBottom(statusBar());
        getStyleClass().add("main-window");
        ShellMenus.followLook(this);
    }

    public TrainingViewModel trainingViewModel() { return trainingVm; }
    public ReconstructionViewModel reconstructionViewModel() { return reconstructionVm; }
    public NoiseViewModel noiseViewModel() { return noiseVm; }
    public DrawViewModel drawViewModel() { return drawVm; }
    public LatentViewModel latentViewModel() { return latentVm; }
    public TabPane tabs() { return tabs; }
    public RunsPane runsPane() { return runsPane; }
    public CompareViewModel compareViewModel() { return compareVm; }
    public RunsViewModel runsViewModel() { return runsVm; }

    /** Shows a run in the Train tab: its settings, history and model (from memory or its last checkpoint). */
    private void openRun(Run run) {
        if (!idleElseSay("Stop training before opening another run.")) return;
        if (run.checkpoints() == null || run.checkpoints().latestFile() == null) {
            showInfo("This run has no checkpoint yet.");
            return;
        }
        openModelFrom(run.checkpoints().latestFile()).thenRun(() -> app.uiThread().execute(() -> tabs.getSelectionModel().select(0)));
    }

    /** Puts the Train tab's divider and the selected tab back as they were (NaN, -1: leave them). */
    public void restore(double divider, int tab) {
        if (!Double.isNaN(divider)) split.setDividerPositions(divider);
        if (tab >= 0 && tab < tabs.getTabs().size()) tabs.getSelectionModel().select(tab);
    }

    /** The Train tab's divider position (0 to 1). */
    public double divider() { return split.getDividerPositions()[0]; }

    public int selectedTab() { return tabs.getSelectionModel().getSelectedIndex(); }

    /** Shows the tab whose title starts with {@code name} (any case: "noise", "latent"); unknown names are ignored. */
    public void selectTab(String name) {
        for (var t : tabs.getTabs()) {
            if (t.getText().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
    }

    /** Queues a classic comparison and shows the Runs tab. */
    public void runClassic(ClassicComparisons c) {
        runsPane.runClassic(c);
        tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
    }

    /** Loads ND4J and the default dataset off the UI thread, showing progress in the status bar. */
    public void startBackgroundLoading() {
        busy.setVisible(true);
        runsVm.loadEarlierRuns();
        String id = app.catalog().defaultId();
        app.background().run(NativeRuntime::init, info -> {
            app.runtimeProperty().set(info);
            runtimeLabel.setText(info.summary());
        });
        app.background().run(() -> app.catalog().load(id, null, (f, m) -> { }, new Cancellation()), data -> {
            if (app.data() == null) app.dataProperty().set(data);
            busy.setVisible(false);
        }, error -> {
            busy.setVisible(false);
            showError("Could not load the dataset " + id, error);
        });
    }

    private MenuBar menu() {
        MenuItem open = new MenuItem("Open model…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> openModel());
        MenuItem save = new MenuItem("Save model…");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> saveModel());
        MenuItem export = new MenuItem("Export view as PNG…");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> exportPng());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> window().fireEvent(new WindowEvent(window(),
                WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu examples = new Menu(Texts.get("menu.file.shipped"));
        examples.setId("menu-shipped");
        for (ShippedModels.Entry e : shipped) {
            MenuItem item = new MenuItem(e.title());
            item.setOnAction(ev -> openShipped(e));
            examples.getItems().add(item);
        }
        examples.setDisable(shipped.isEmpty());
        Menu file = new Menu("File", null, open, examples, save, new SeparatorMenuItem(), export, new SeparatorMenuItem(),
                quit);
        Menu compareMenu = new Menu("Compare");
        for (var c : ClassicComparisons.values()) {
            MenuItem item = new MenuItem(c.title());
            item.setOnAction(e -> runClassic(c));
            compareMenu.getItems().add(item);
        }
        MenuItem logs = new MenuItem("Open log folder");
        logs.setOnAction(e -> openLogFolder());
        MenuItem about = new MenuItem("About Latent Lab");
        about.setOnAction(e -> about());
        Menu help = new Menu("Help", null, menus.shortcutList(this), logs, new SeparatorMenuItem(), about);
        return new MenuBar(file, menus.training(trainingVm), menus.view(tabs, latentPane::fitView), compareMenu, help);
    }

    private HBox statusBar() {
        busy.setPrefSize(14, 14);
        busy.setVisible(false);
        dataLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetSplit d = app.data();
            return d == null ? "No data loaded" : d.id() + ": " + d.train().size() + " train / " + d.test().size() + " test";
        }, app.dataProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label status = new Label();
        status.textProperty().bind(app.statusProperty());
        status.setId("status");
        HBox bar = new HBox(12, busy, dataLabel, status, spacer, runtimeLabel);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        runtimeLabel.setId("runtime");
        return bar;
    }

    private Window window() { return getScene().getWindow(); }

    /** Whether nothing trains; else says {@code why} the command has to wait. */
    private boolean idleElseSay(String why) {
        if (trainingVm.getState() == TrainingViewModel.State.IDLE) return true;
        showInfo(why);
        return false;
    }

    private void openModel() {
        if (!idleElseSay("Stop training before opening another model.")) return;
        FileChooser chooser = modelChooser("Open model");
        File f = chooser.showOpenDialog(window());
        if (f != null) openModelFrom(f.toPath());
    }

    /** Opens a model that comes with the app (copied out of it first, off the UI thread). */
    public void openShipped(ShippedModels.Entry entry) {
        if (!idleElseSay("Stop training before opening another model.")) return;
        app.background().run(() -> ShippedModels.extract(entry), this::openModelFrom,
                error -> showError("Could not open " + entry.title(), error));
    }

    /** Loads a model file off the UI thread and shows it: settings, loss history, reconstructions. */
    public CompletableFuture<?> openModelFrom(Path file) {
        busy.setVisible(true);
        return modelFiles.open(file, opened -> {
            busy.setVisible(false);
            DatasetSplit data = opened.data();
            if (data != null && data.train().pixelCount() == opened.saved().model().inputSize()) app.dataProperty().set(data);
            trainingVm.adopt(opened.saved());
            app.statusProperty().set("Opened " + file.getFileName()
                    + (opened.dataProblem() == null ? "" : "; " + opened.dataProblem() + " (pick data in the Train tab)"));
        }, error -> {
            busy.setVisible(false);
            showError("Could not open " + file.getFileName(), error);
        });
    }

    private void saveModel() {
        TrainableAutoencoder model = app.model();
        if (model == null) {
            showInfo("There is no model yet: train one first.");
            return;
        }
        FileChooser chooser = modelChooser("Save model");
        chooser.setInitialFileName("model" + ModelStore.EXTENSION);
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        saveModelTo(f.getName().contains(".") ? f.toPath() : Path.of(f.getPath() + ModelStore.EXTENSION));
    }

    /**
     * Saves a copy of the current model (made between two batches if it is training) with its
     * history, off the UI thread; the file is replaced atomically.
     */
    public CompletableFuture<Path> saveModelTo(Path target) {
        return modelFiles.save(target, p -> app.statusProperty().set("Saved " + p),
                error -> showError("Could not save " + target.getFileName(), error));
    }

    private FileChooser modelChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Latent Lab model", "*" + ModelStore.EXTENSION));
        return chooser;
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export view as PNG");
        chooser.setInitialFileName("latent-lab.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        Node node = tabs.getSelectionModel().getSelectedItem().getContent();
        var image = Snapshots.capture(node);
        app.background().run(() -> {
            Snapshots.write(image, f.toPath());
            return f;
        }, file -> app.statusProperty().set("Exported " + file));
    }

    /** The log folder in the file manager, or its path in a dialog where that cannot open. */
    private void openLogFolder() {
        Path folder = Logs.folder();
        app.background().run(() -> FolderOpener.open(folder), opened -> {
            if (opened) app.statusProperty().set("Opened " + folder);
            else showInfo("The log files are in\n" + folder.toAbsolutePath());
        });
    }

    private void about() {
        NativeRuntime.Info info = NativeRuntime.infoIfLoaded();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle("About Latent Lab");
        alert.setHeaderText("Latent Lab " + BuildInfo.appVersion());
        alert.setContentText(String.join("\n",
                "See what an autoencoder learns.",
                "",
                "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version"),
                "Deeplearning4j / ND4J " + BuildInfo.dl4jVersion() + " (" + BuildInfo.backendArtifact() + ", "
                        + BuildInfo.backendClassifier() + "), Smile " + BuildInfo.smileVersion(),
                "Backend: " + (info == null ? "loading…" : info.summary()),
                "Device: " + (info == null ? "loading…" : info.device()),
                "Log files: " + Logs.folder().toAbsolutePath(),
                "",
                "Licensed under the GNU GPL, version 3 or later."));
        alert.show();
    }

    private void showInfo(String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(window());
        alert.setHeaderText(null);
        alert.show();
    }

    void showError(Throwable error) {
        showError("Something went wrong", error);
    }

    void showError(String title, Throwable error) {
        Window w = getScene() == null ? null : getScene().getWindow();
        ErrorDialog.show(w, title, error);
    }
}
