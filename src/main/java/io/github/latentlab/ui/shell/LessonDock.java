package io.github.latentlab.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.github.latentlab.lessons.Block;
import io.github.latentlab.lessons.Lesson;
import io.github.latentlab.lessons.LessonLibrary;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.AppState;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.ErrorDialog;
import io.github.latentlab.ui.lessons.LessonPanel;
import io.github.latentlab.ui.lessons.LessonViewModel;

/**
 * The lessons in the window: the Lessons menu (the shipped lessons in the window's language, a
 * lesson file from disk, back and next), reading a lesson and its pictures off the UI thread, and
 * the panel docked beside the tabs while a lesson is open.
 */
final class LessonDock {
    private final AppState app;
    private final LessonViewModel vm;
    private final LessonPanel panel;
    /** Shows the panel (non-null) beside the tabs, or only the tabs (null). */
    private final Consumer<Node> dock;
    private final Supplier<Window> window;
    private final Menu menu = new Menu(Texts.get("menu.lessons"));
    private final Map<String, byte[]> pictures = new HashMap<>();
    private List<LessonLibrary.Entry> shipped = List.of();
    private String shippedName;
    private Path file;

    /** A lesson with its pictures, read together off the UI thread. */
    private record Loaded(Lesson lesson, Map<String, byte[]> pictures) { }

    LessonDock(AppState app, AppCommands commands, Consumer<Node> dock, Supplier<Window> window) {
        this.app = app;
        this.dock = dock;
        this.window = window;
        this.vm = new LessonViewModel(commands, app.uiThread());
        this.panel = new LessonPanel(vm, pictures::get, this::close);
        menu.setId("menu-lessons");
        app.background().run(() -> LessonLibrary.shipped(Locale.getDefault()), list -> {
            shipped = list;
            fillMenu();
        });
        fillMenu();
    }

    LessonViewModel viewModel() { return vm; }

    Menu menu() { return menu; }

    /** File › Open lesson…. */
    MenuItem openFileItem() {
        MenuItem open = new MenuItem(Texts.get("menu.file.lesson"));
        open.setOnAction(e -> openFile());
        return open;
    }

    /** The first shipped lesson (its list is read off the UI thread when not read yet). */
    void startFirst() {
        if (!shipped.isEmpty()) start(shipped.get(0).name());
        else app.background().run(LessonLibrary::names, names -> { if (!names.isEmpty()) start(names.get(0)); });
    }

    /** Opens the shipped lesson {@code name} in the window's language. */
    void start(String name) {
        start(name, 0);
    }

    /** The shipped lesson the panel shows, or null (none, or one from a file). */
    String shippedName() { return vm.lessonProperty().get() == null ? null : shippedName; }

    /** The lesson file the panel shows, or null (none, or a shipped one). */
    Path file() { return vm.lessonProperty().get() == null ? null : file; }

    /** Opens the shipped lesson {@code name} at step {@code step}; the future ends with the step's set-up. */
    CompletableFuture<Void> start(String name, int step) {
        shippedName = name;
        file = null;
        return read(() -> {
            Lesson lesson = LessonLibrary.load(name, Locale.getDefault());
            Map<String, byte[]> found = new HashMap<>();
            for (Block.Picture p : lesson.pictures()) found.put(p.path(), LessonLibrary.shippedPicture(p.path()));
            return new Loaded(lesson, found);
        }, name, step);
    }

    /** Asks for a lesson file and opens it. */
    void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("lesson.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("lesson.open.files"), "*.md", "*.txt"));
        File f = chooser.showOpenDialog(window());
        if (f != null) open(f.toPath());
    }

    /** Opens a lesson file from disk (its pictures beside it). */
    void open(Path file) {
        open(file, 0);
    }

    /** Opens a lesson file at step {@code step}; the future ends with the step's set-up. */
    CompletableFuture<Void> open(Path file, int step) {
        shippedName = null;
        this.file = file;
        return read(() -> {
            Lesson lesson = LessonLibrary.open(file);
            Map<String, byte[]> found = new HashMap<>();
            for (Block.Picture p : lesson.pictures()) found.put(p.path(), Files.readAllBytes(lesson.folder().resolve(p.path())));
            return new Loaded(lesson, found);
        }, file.getFileName().toString(), step);
    }

    private CompletableFuture<Void> read(Callable<Loaded> work, String name, int step) {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        app.background().run(work, loaded -> {
            pictures.clear();
            pictures.putAll(loaded.pictures());
            dock.accept(panel);
            vm.startAt(loaded.lesson(), step).whenComplete((v, e) -> shown.complete(null));
        }, error -> {
            ErrorDialog.show(window(), Texts.format("lesson.open.failed", name), error);
            shown.completeExceptionally(error);
        });
        return shown;
    }

    void close() {
        vm.close();
        dock.accept(null);
    }

    private void fillMenu() {
        menu.getItems().clear();
        for (LessonLibrary.Entry e : shipped) {
            MenuItem item = new MenuItem(e.title());
            item.setOnAction(ev -> start(e.name()));
            menu.getItems().add(item);
        }
        if (!shipped.isEmpty()) menu.getItems().add(new SeparatorMenuItem());
        MenuItem back = new MenuItem(Texts.get("menu.lessons.back"));
        back.setAccelerator(KeyCombination.keyCombination("Shortcut+OPEN_BRACKET"));
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.canGoBack().not());
        MenuItem next = new MenuItem(Texts.get("menu.lessons.next"));
        next.setAccelerator(KeyCombination.keyCombination("Shortcut+CLOSE_BRACKET"));
        next.setOnAction(e -> vm.next());
        next.disableProperty().bind(vm.canGoNext().not());
        MenuItem close = new MenuItem(Texts.get("menu.lessons.close"));
        close.setOnAction(e -> close());
        close.disableProperty().bind(vm.lessonProperty().isNull());
        menu.getItems().addAll(openFileItem(), new SeparatorMenuItem(), back, next, close);
    }

    private Window window() { return window.get(); }
}
