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
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.training.Run;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ErrorDialog;
import io.github.latentlab.ui.draw.DrawPane;
import io.github.latentlab.ui.draw.DrawViewModel;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.latent.LatentPane;
import io.github.latentlab.ui.latent.LatentViewModel;
import io.github.latentlab.ui.lessons.LessonViewModel;
import io.github.latentlab.ui.noise.NoisePane;
import io.github.latentlab.ui.noise.NoiseViewModel;
import io.github.latentlab.ui.reconstruction.ReconstructionPane;
import io.github.latentlab.ui.reconstruction.ReconstructionViewModel;
import io.github.latentlab.ui.runs.ClassicComparisons;
import io.github.latentlab.ui.runs.CompareViewModel;
import io.github.latentlab.ui.runs.RunsPane;
import io.github.latentlab.ui.runs.RunsViewModel;
import io.github.latentlab.session.SessionFile;
import io.github.latentlab.ui.timeline.TimelineBar;
import io.github.latentlab.ui.timeline.TimelineViewModel;
import io.github.latentlab.ui.training.TrainingPane;
import io.github.latentlab.ui.training.TrainingViewModel;
import io.github.latentlab.util.Cancellation;

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
    private final SessionFiles sessionFiles = new SessionFiles(this);
    private final TimelineViewModel timelineVm;
    private final ShellMenus menus = new ShellMenus();
    /** What panes, lessons and menus ask of the window. */
    private final WindowCommands commands = new WindowCommands(this);
    private final List<ShippedModels.Entry> shipped = ShippedModels.list();
    private final LessonDock lessons;
    private final RunsPane runsPane;
    private final TabPane tabs = new TabPane();
    private final Label runtimeLabel = new Label(Texts.get("status.loadingBackend"));
    private final Label dataLabel = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();

    public MainWindow(AppState app) {
        this.app = app;
        this.lessons = new LessonDock(app, commands, this::dock, this::window);
        this.trainingVm = new TrainingViewModel(app, this::showError);
        this.reconstructionVm = new ReconstructionViewModel(app);
        this.trainingPane = new TrainingPane(trainingVm, app.catalog(), commands);
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
        Tab trainTab = new Tab(Texts.get("tab.train"), split);
        Tab noiseTab = new Tab(Texts.get("tab.noise"), noisePane);
        trainTab.setId("tab-train");
        noiseTab.setId("tab-noise");
        this.drawVm = new DrawViewModel(app, latentVm);
        Tab drawTab = new Tab(Texts.get("tab.draw"), new DrawPane(drawVm, latentVm, commands));
        drawTab.setId("tab-draw");
        this.latentPane = new LatentPane(latentVm, commands);
        Tab latentTab = new Tab(Texts.get("tab.latent"), latentPane);
        latentTab.setId("tab-latent");
        this.runsPane = new RunsPane(runsVm, this::openRun);
        Tab runsTab = new Tab(Texts.get("tab.runs"), runsPane);
        runsTab.setId("tab-runs");
        tabs.getTabs().setAll(trainTab, latentTab, noiseTab, drawTab, runsTab);
        // panes hidden behind another tab do no work while a model trains
        noiseVm.activeProperty().bind(noiseTab.selectedProperty());
        drawVm.activeProperty().bind(drawTab.selectedProperty());
        latentVm.activeProperty().bind(latentTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        this.timelineVm = new TimelineViewModel(app);
        trainingPane.followTimeline(app.timeline(), timelineVm::view);
        timelineVm.setStepDone(latentVm::epochDrawn); // playing waits for the map to reach each epoch
        setTop(new WindowMenus(this, menus).build());
        setCenter(tabs);
        // the timeline bar sits above the status bar, like a player's scrubber, for every tab
        setBottom(new VBox(new TimelineBar(timelineVm), statusBar()));
        getStyleClass().add("main-window");
        ShellMenus.followLook(this);
    }

    public TrainingViewModel trainingViewModel() { return trainingVm; }
    public ReconstructionViewModel reconstructionViewModel() { return reconstructionVm; }
    public NoiseViewModel noiseViewModel() { return noiseVm; }
    public DrawViewModel drawViewModel() { return drawVm; }
    public LatentViewModel latentViewModel() { return latentVm; }
    public TabPane tabs() { return tabs; }
    public TimelineViewModel timelineViewModel() { return timelineVm; }
    public RunsPane runsPane() { return runsPane; }
    public CompareViewModel compareViewModel() { return compareVm; }
    public RunsViewModel runsViewModel() { return runsVm; }
    public AppCommands commands() { return commands; }
    LatentPane latentPane() { return latentPane; }
    AppState app() { return app; }
    /** What the panes share (for tests and the app's start-up). */
    public AppState appState() { return app; }
    List<ShippedModels.Entry> shipped() { return shipped; }
    LessonDock lessons() { return lessons; }
    public LessonViewModel lessonViewModel() { return lessons.viewModel(); }

    /** Opens a shipped lesson by name, or a lesson file (a path ending in .md or .txt). */
    public void startLesson(String nameOrFile) {
        if (nameOrFile.endsWith(".md") || nameOrFile.endsWith(".txt")) lessons.open(Path.of(nameOrFile));
        else lessons.start(nameOrFile);
    }

    /** The lesson panel beside the tabs, or the tabs alone (null); the panel keeps its width. */
    private void dock(Node panel) {
        if (panel == null) {
            setCenter(tabs);
            return;
        }
        if (getCenter() instanceof SplitPane) return;
        SplitPane beside = new SplitPane(tabs, panel);
        beside.setId("lesson-split");
        SplitPane.setResizableWithParent(panel, false);
        setCenter(beside);
        double width = getWidth() > 0 ? getWidth() : 1280;
        // a laptop's window keeps the panes as wide as they can read; a wide one gives the lesson a fifth
        double panelWidth = Math.max(panel.prefWidth(-1), width * 0.22);
        beside.setDividerPositions(Math.max(0.5, 1 - panelWidth / width));
    }

    /** Shows a run in the Train tab: its settings, history and model (from memory or its last checkpoint). */
    private void openRun(Run run) {
        if (!idleElseSay(Texts.get("status.stopBeforeRun"))) return;
        if (run.checkpoints() == null || run.checkpoints().latestFile() == null) {
            showInfo(Texts.get("status.noCheckpoint"));
            return;
        }
        openModelFrom(run.checkpoints().latestFile()).thenRun(() -> tabs.getSelectionModel().select(0));
    }

    /** Puts the Train tab's divider and the selected tab back as they were (NaN, -1: leave them). */
    public void restore(double divider, int tab) {
        if (!Double.isNaN(divider)) split.setDividerPositions(divider);
        if (tab >= 0 && tab < tabs.getTabs().size()) tabs.getSelectionModel().select(tab);
    }

    /** The Train tab's divider position (0 to 1). */
    public double divider() { return split.getDividerPositions()[0]; }

    public int selectedTab() { return tabs.getSelectionModel().getSelectedIndex(); }

    /** Shows the tab {@code name} (train, latent, noise, draw, runs: any case); unknown names are ignored. */
    public void selectTab(String name) {
        for (var t : tabs.getTabs()) {
            if (t.getId().equals("tab-" + name.toLowerCase(Locale.ROOT))) {
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
            runtimeLabel.setText(Texts.render(info.summaryMessage()));
        });
        app.background().run(() -> app.catalog().load(id, null, (f, m) -> { }, new Cancellation()), data -> {
            if (app.data() == null) app.dataProperty().set(data);
            busy.setVisible(false);
        }, error -> {
            busy.setVisible(false);
            showError(Texts.format("error.dataset", id), error);
        });
    }

    private HBox statusBar() {
        busy.setPrefSize(14, 14);
        busy.setVisible(false);
        dataLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetSplit d = app.data();
            return d == null ? Texts.get("status.noData") : Texts.format("status.data", d.id(), d.train().size(), d.test().size());
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

    void openModelWithChooser() {
        if (!idleElseSay(Texts.get("command.training"))) return;
        FileChooser chooser = modelChooser(Texts.get("menu.file.open.title"));
        File f = chooser.showOpenDialog(window());
        if (f != null) openModelFrom(f.toPath());
    }

    /**
     * Opens a model that comes with the app (copied out of it first, off the UI thread); the future
     * completes once the panes have it.
     */
    CompletableFuture<?> openShipped(ShippedModels.Entry entry) {
        if (!idleElseSay(Texts.get("command.training"))) {
            return CompletableFuture.failedFuture(new IllegalStateException(Texts.get("command.training")));
        }
        CompletableFuture<Object> opened = new CompletableFuture<>();
        app.background().run(() -> ShippedModels.extract(entry), file -> openModelFrom(file).whenComplete((v, e) -> {
            if (e != null) opened.completeExceptionally(e);
            else opened.complete(entry);
        }), error -> {
                    showError(Texts.format("error.open", entry.title()), error);
                    opened.completeExceptionally(error);
                });
        return opened;
    }

    /**
     * Loads a model file off the UI thread and shows it: settings, loss history, reconstructions.
     * The future completes once the panes have it.
     */
    public CompletableFuture<?> openModelFrom(Path file) {
        busy.setVisible(true);
        CompletableFuture<Path> shown = new CompletableFuture<>();
        modelFiles.open(file, opened -> {
            busy.setVisible(false);
            DatasetSplit data = opened.data();
            if (data != null && data.train().pixelCount() == opened.saved().model().inputSize()) app.dataProperty().set(data);
            trainingVm.adopt(opened.saved());
            app.timeline().timelineProperty().set(opened.timeline());
            app.statusProperty().set(opened.dataProblem() != null
                    ? Texts.format("status.openedWithoutData", file.getFileName(), opened.dataProblem())
                    : opened.timelineProblem() != null
                    ? Texts.format("status.openedWithoutTimeline", file.getFileName(), opened.timelineProblem())
                    : Texts.format("status.opened", file.getFileName()));
            shown.complete(file);
        }, error -> {
            busy.setVisible(false);
            showError(Texts.format("error.open", file.getFileName()), error);
            shown.completeExceptionally(error);
        });
        return shown;
    }

    void saveSession() {
        FileChooser chooser = sessionChooser(Texts.get("menu.file.saveSession.title"));
        chooser.setInitialFileName("session" + SessionFile.EXTENSION);
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        saveSessionTo(withExtension(f, SessionFile.EXTENSION));
    }

    /**
     * Saves the workspace to one file, off the UI thread; while a run trains it holds the last
     * finished epoch, and the status says so.
     */
    public CompletableFuture<?> saveSessionTo(Path target) {
        busy.setVisible(true);
        return sessionFiles.save(target).whenCompleteAsync((saved, error) -> {
            busy.setVisible(false);
            if (error != null) {
                showError(Texts.format("error.saveSession", target.getFileName()), unwrap(error));
            } else {
                app.statusProperty().set(saved.trainingEpoch() >= 0
                        ? Texts.format("status.sessionSavedTraining", target, saved.trainingEpoch())
                        : Texts.format("status.sessionSaved", target));
            }
        }, app.uiThread());
    }

    void openSessionWithChooser() {
        if (!idleElseSay(Texts.get("command.training"))) return;
        File f = sessionChooser(Texts.get("menu.file.openSession.title")).showOpenDialog(window());
        if (f != null) openSession(f.toPath());
    }

    /**
     * Opens a session: restores what it holds and names, in a dialog, what this computer lacks.
     * The future completes with what could not be restored.
     */
    public CompletableFuture<List<String>> openSession(Path file) {
        busy.setVisible(true);
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        sessionFiles.open(file).whenCompleteAsync((restored, error) -> {
            busy.setVisible(false);
            if (error != null) {
                showError(Texts.format("error.openSession", file.getFileName()), unwrap(error));
                result.completeExceptionally(unwrap(error));
                return;
            }
            if (restored.missing().isEmpty()) {
                app.statusProperty().set(Texts.format("status.sessionOpened", file.getFileName()));
            } else {
                app.statusProperty().set(Texts.format("status.sessionOpenedMissing", file.getFileName(), restored.missing().size()));
                showInfo(Texts.format("session.missing.header", file.getFileName()) + "\n\n• "
                        + String.join("\n• ", restored.missing()));
            }
            result.complete(restored.missing());
        }, app.uiThread());
        return result;
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    void saveModel() {
        TrainableAutoencoder model = app.model();
        if (model == null) {
            showInfo(Texts.get("status.noModelToSave"));
            return;
        }
        FileChooser chooser = modelChooser(Texts.get("menu.file.save.title"));
        chooser.setInitialFileName("model" + ModelStore.EXTENSION);
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        saveModelTo(withExtension(f, ModelStore.EXTENSION));
    }

    /**
     * Saves a copy of the current model (made between two batches if it is training) with its
     * history, off the UI thread; the file is replaced atomically.
     */
    public CompletableFuture<Path> saveModelTo(Path target) {
        return modelFiles.save(target, p -> app.statusProperty().set(Texts.format("status.saved", p)),
                error -> showError(Texts.format("error.save", target.getFileName()), error));
    }

    private FileChooser modelChooser(String title) { return chooser(title, "files.model", ModelStore.EXTENSION); }

    private FileChooser sessionChooser(String title) { return chooser(title, "files.session", SessionFile.EXTENSION); }

    /** A file dialog showing the files ending in {@code extension}, named by the words under {@code filesKey}. */
    private static FileChooser chooser(String title, String filesKey, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get(filesKey), "*" + extension));
        return chooser;
    }

    /** The file a save dialog chose, with {@code extension} added when the name has none. */
    private static Path withExtension(File f, String extension) {
        return f.getName().contains(".") ? f.toPath() : Path.of(f.getPath() + extension);
    }

    void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("menu.file.export.title"));
        chooser.setInitialFileName("latent-lab.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("files.png"), "*.png"));
        File f = chooser.showSaveDialog(window());
        if (f == null) return;
        Node node = tabs.getSelectionModel().getSelectedItem().getContent();
        var image = Snapshots.capture(node);
        app.background().run(() -> {
            Snapshots.write(image, f.toPath());
            return f;
        }, file -> app.statusProperty().set(Texts.format("status.exported", file)));
    }

    void showInfo(String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(window());
        alert.setHeaderText(null);
        alert.show();
    }

    void showError(Throwable error) {
        showError(Texts.get("error.generic"), error);
    }

    void showError(String title, Throwable error) {
        Window w = getScene() == null ? null : getScene().getWindow();
        ErrorDialog.show(w, title, error);
    }
}
