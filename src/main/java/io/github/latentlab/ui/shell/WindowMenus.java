package io.github.latentlab.ui.shell;

import java.nio.file.Path;

import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.WindowEvent;

import io.github.latentlab.model.NativeRuntime;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.fx.FolderOpener;
import io.github.latentlab.ui.runs.ClassicComparisons;
import io.github.latentlab.util.BuildInfo;
import io.github.latentlab.util.Logs;

/** The menu bar: File, Training, View, Lessons, Compare and Help, and the two small Help dialogs. */
final class WindowMenus {
    private final MainWindow w;
    private final ShellMenus menus;

    WindowMenus(MainWindow w, ShellMenus menus) {
        this.w = w;
        this.menus = menus;
    }

    MenuBar build() {
        return new MenuBar(file(), menus.training(w.trainingViewModel()), menus.view(w.tabs(), w.commands(), w.latentPane()::fitView),
                w.lessons().menu(), compare(), help());
    }

    private Menu file() {
        MenuItem open = item("menu.file.open", "Shortcut+O", w::openModelWithChooser);
        MenuItem save = item("menu.file.save", "Shortcut+S", w::saveModel);
        MenuItem export = item("menu.file.export", "Shortcut+E", w::exportPng);
        MenuItem openSession = item("menu.file.openSession", "Shortcut+Shift+O", w::openSessionWithChooser);
        MenuItem saveSession = item("menu.file.saveSession", "Shortcut+Shift+S", w::saveSession);
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", () -> w.getScene().getWindow().fireEvent(
                new WindowEvent(w.getScene().getWindow(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu examples = new Menu(Texts.get("menu.file.shipped"));
        examples.setId("menu-shipped");
        for (ShippedModels.Entry e : w.shipped()) {
            MenuItem item = new MenuItem(e.title());
            item.setOnAction(ev -> w.commands().openShipped(e.name())); // as a lesson opens it
            examples.getItems().add(item);
        }
        examples.setDisable(w.shipped().isEmpty());
        return new Menu(Texts.get("menu.file"), null, open, examples, w.lessons().openFileItem(), save,
                new SeparatorMenuItem(), openSession, saveSession, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);
    }

    private Menu compare() {
        Menu menu = new Menu(Texts.get("menu.compare"));
        for (var c : ClassicComparisons.values()) {
            MenuItem item = new MenuItem(c.title());
            item.setOnAction(e -> w.runClassic(c));
            menu.getItems().add(item);
        }
        return menu;
    }

    private Menu help() {
        MenuItem logs = item("menu.help.logs", null, this::openLogFolder);
        MenuItem about = item("menu.help.about", null, this::about);
        return new Menu(Texts.get("menu.help"), null, menus.shortcutList(w), logs, new SeparatorMenuItem(), about);
    }

    private static MenuItem item(String key, String keys, Runnable action) {
        MenuItem item = new MenuItem(Texts.get(key));
        if (keys != null) item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The log folder in the file manager, or its path in a dialog where that cannot open. */
    private void openLogFolder() {
        Path folder = Logs.folder();
        w.app().background().run(() -> FolderOpener.open(folder), opened -> {
            if (opened) w.app().statusProperty().set(Texts.format("status.opened", folder));
            else w.showInfo(Texts.format("help.logs.where", folder.toAbsolutePath()));
        });
    }

    private void about() {
        NativeRuntime.Info info = NativeRuntime.infoIfLoaded();
        String loading = Texts.get("help.about.loading");
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(w.getScene().getWindow());
        alert.setTitle(Texts.get("menu.help.about"));
        alert.setHeaderText("Latent Lab " + BuildInfo.appVersion());
        alert.setContentText(String.join("\n",
                Texts.get("help.about.tagline"),
                "",
                "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version"),
                "Deeplearning4j / ND4J " + BuildInfo.dl4jVersion() + " (" + BuildInfo.backendArtifact() + ", "
                        + BuildInfo.backendClassifier() + "), Smile " + BuildInfo.smileVersion(),
                Texts.format("help.about.backend", info == null ? loading : info.summaryMessage()),
                Texts.format("help.about.device", info == null ? loading : info.deviceMessage()),
                Texts.format("help.about.logs", Logs.folder().toAbsolutePath()),
                "",
                Texts.get("help.about.licence")));
        alert.show();
    }
}
