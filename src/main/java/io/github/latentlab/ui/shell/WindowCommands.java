package io.github.latentlab.ui.shell;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.lessons.Command;
import io.github.latentlab.lessons.CommandVocabulary;
import io.github.latentlab.lessons.LessonLibrary;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.projection.Anomalies;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.runs.ClassicComparisons;
import io.github.latentlab.ui.timeline.TimelineViewModel;
import io.github.latentlab.ui.training.TrainingForm;
import io.github.latentlab.util.Message;

/**
 * The app's commands carried out on the main window: each written command of docs/lessons.md
 * becomes the same call a click would make. Runs on the UI thread.
 */
final class WindowCommands implements AppCommands {
    private final MainWindow window;
    /** The shipped model opened last by name, and the model the panes got from it. */
    private String openedName;
    private Object openedModel;

    WindowCommands(MainWindow window) {
        this.window = window;
    }

    @Override
    public CompletableFuture<?> run(Command c) {
        Message problem = CommandVocabulary.problemWith(c);
        if (problem != null) return failed(Texts.render(problem));
        String first = c.word(0).orElse("");
        return switch (c.verb()) {
            case "open-model" -> openShipped(first);
            case "tab" -> done(() -> showTab(first));
            case "detail" -> done(() -> window.latentPane().showDetail(first));
            case "dataset" -> done(() -> window.trainingViewModel().form().datasetIdProperty().set(first));
            case "model" -> done(() -> setModel(c));
            case "train" -> done(() -> window.trainingViewModel().start());
            case "noise" -> done(() -> {
                window.noiseViewModel().kindProperty().set(NoiseKind.fromId(first));
                window.noiseViewModel().levelProperty().set(Double.parseDouble(c.word(1).orElseThrow()));
            });
            case "projection" -> projection(c);
            case "select" -> select(c);
            case "sample" -> done(() -> window.latentViewModel().sample());
            case "compare" -> compare(first);
            case "codes" -> done(() -> window.reconstructionViewModel().showCodesProperty().set(first.equals("on")));
            case "anomalies" -> done(() -> {
                var anomalies = window.latentViewModel().anomalies();
                if (first.equals("off")) anomalies.shownProperty().set(false);
                else anomalies.show(first.equals("error") ? Anomalies.Ranking.RECONSTRUCTION : Anomalies.Ranking.NEAREST_CODE);
            });
            case "epoch" -> epoch(first);
            case "play" -> done(() -> window.timelineViewModel().play());
            default -> failed(Texts.format("command.unsupported", c.verb()));
        };
    }

    /**
     * Shows a stored epoch of the open model's timeline (or the latest); the future completes once
     * the map has reached it when the map is on screen.
     */
    private CompletableFuture<?> epoch(String which) {
        TimelineViewModel timeline = window.timelineViewModel();
        if (which.equals("latest")) return done(timeline::latest);
        Timeline t = window.app().timeline().timeline();
        if (t == null || t.isEmpty()) return failed(Texts.get("command.epoch.noTimeline"));
        int epoch = Integer.parseInt(which);
        if (!t.epochs().contains(epoch)) {
            return failed(Texts.format("command.epoch.notStored", epoch, t.epochs().get(0), t.lastEpoch()));
        }
        timeline.view(epoch);
        return window.latentViewModel().epochDrawn();
    }

    @Override public void showTab(String name) { window.selectTab(name); }

    @Override public void openModel() { window.openModelWithChooser(); }

    @Override
    public Map<String, String> shippedModels() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ShippedModels.Entry e : window.shipped()) out.put(e.name(), e.title());
        return out;
    }

    @Override
    public CompletableFuture<?> openShipped(String name) {
        // a lesson names its model in every step: the one already open (and not trained since) stays
        if (name.equals(openedName) && openedModel != null && openedModel == window.app().viewModel()) {
            return CompletableFuture.completedFuture(null);
        }
        return window.shipped().stream().filter(e -> e.name().equals(name)).findFirst()
                .<CompletableFuture<?>>map(e -> window.openShipped(e).thenRun(() -> {
                    openedName = name;
                    openedModel = window.app().viewModel();
                }))
                .orElseGet(() -> failed(Texts.format("command.noModel", name)));
    }

    /** The shipped model the panes show (opened by name and not trained since), or null. */
    String shippedShown() {
        return openedName != null && openedModel != null && openedModel == window.app().viewModel() ? openedName : null;
    }

    @Override public boolean hasLessons() { return LessonLibrary.shipsLessons(); }

    @Override public void startFirstLesson() { window.lessons().startFirst(); }

    /** Sets the Train tab's settings that the command names, and leaves the rest as they are. */
    private void setModel(Command c) {
        TrainingForm form = window.trainingViewModel().form();
        form.kindProperty().set(ModelKind.fromId(c.word(0).orElseThrow()));
        c.option("latent").ifPresent(v -> form.latentProperty().set(Integer.parseInt(v)));
        c.option("hidden").ifPresent(v -> form.hiddenProperty().set(v.replace(",", ", ")));
        c.option("epochs").ifPresent(v -> form.epochsProperty().set(Integer.parseInt(v)));
        c.option("batch").ifPresent(v -> form.batchProperty().set(Integer.parseInt(v)));
        c.option("seed").ifPresent(v -> form.seedProperty().set(Integer.parseInt(v)));
        c.option("lr").ifPresent(v -> form.learningRateProperty().set(Double.parseDouble(v)));
        c.option("beta").ifPresent(v -> form.betaProperty().set(Double.parseDouble(v)));
        c.option("loss").ifPresent(v -> form.lossProperty().set(LossKind.fromId(v)));
        c.option("noise").ifPresent(v -> form.noiseKindProperty().set(NoiseKind.fromId(v)));
        c.option("level").ifPresent(v -> form.noiseLevelProperty().set(Double.parseDouble(v)));
        c.option("ssim").ifPresent(v -> form.ssimWeightProperty().set(Double.parseDouble(v)));
    }

    private CompletableFuture<?> projection(Command c) {
        var vm = window.latentViewModel();
        c.option("seed").ifPresent(v -> vm.seedProperty().set(Integer.parseInt(v)));
        c.option("images").ifPresent(v -> vm.pointsProperty().set(Integer.parseInt(v)));
        MapMethod method = switch (c.word(0).orElseThrow()) {
            case "latent" -> MapMethod.IDENTITY;
            case "pca" -> MapMethod.PCA;
            case "tsne" -> MapMethod.TSNE;
            default -> MapMethod.UMAP;
        };
        var model = window.app().viewModel();
        if (method == MapMethod.IDENTITY && model != null && model.latentSize() != 2) {
            return failed(Texts.format("command.notTwoD", model.latentSize()));
        }
        vm.methodProperty().set(method);
        return vm.compute();
    }

    private CompletableFuture<?> select(Command c) {
        var vm = window.latentViewModel();
        if (vm.mapProperty().get() == null) return failed(Texts.get("command.noMap"));
        int rows = vm.mapProperty().get().codes().length;
        for (String word : c.args()) {
            int row = Integer.parseInt(word);
            if (row >= rows) return failed(Texts.format("command.noImage", row, rows - 1));
            vm.pickRow(row);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<?> compare(String name) {
        return Arrays.stream(ClassicComparisons.values()).filter(k -> id(k).equals(name)).findFirst()
                .<CompletableFuture<?>>map(k -> done(() -> window.runClassic(k)))
                .orElseGet(() -> failed(Texts.format("command.noComparison", name)));
    }

    /** A comparison as lessons name it: LATENT_2_VS_64 is latent-2-vs-64. */
    static String id(ClassicComparisons c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static CompletableFuture<?> done(Runnable action) {
        action.run();
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<?> failed(String message) {
        return CompletableFuture.failedFuture(new IllegalArgumentException(message));
    }
}
