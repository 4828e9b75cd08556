package io.github.latentlab.ui.shell;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.Texts;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.controls.Palettes;
import io.github.latentlab.ui.training.TrainingViewModel;
import io.github.latentlab.util.AppDirs;

/**
 * The Training and View menus with their keyboard shortcuts, the look they switch (light or dark
 * theme, presenter mode), and the list of shortcuts that Help shows.
 */
final class ShellMenus {
    private static final String BASE_CSS = "/themes/latent-lab.css";
    private static final String PRESENTER_CSS = "/themes/presenter.css";


    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(Texts.get(key));
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Start, pause or resume, stop and queue, as the Train tab's buttons do (also from other tabs). */
    Menu training(TrainingViewModel vm) {
        MenuItem start = item("menu.training.start", "Shortcut+Enter", vm::start);
        MenuItem pause = item("menu.training.pause", "Shortcut+P", () -> {
            if (vm.getState() == TrainingViewModel.State.PAUSED) vm.resume(); else vm.pause();
        });
        MenuItem stop = item("menu.training.stop", "Shortcut+Period", vm::stop);
        MenuItem queue = item("menu.training.queue", null, vm::enqueue);
        return new Menu(Texts.get("menu.training"), null, start, pause, stop, new SeparatorMenuItem(), queue);
    }

    /** The tabs (Shortcut+1…5), fit view, light or dark, presenter mode. */
    Menu view(TabPane tabs, AppCommands commands, Runnable fitView) {
        Menu menu = new Menu(Texts.get("menu.view"));
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            var shown = tabs.getTabs().get(i);
            MenuItem tab = new MenuItem(shown.getText());
            tab.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
            // the same command a lesson gives: "tab latent" (the tab's id is tab-latent)
            tab.setOnAction(e -> commands.showTab(shown.getId().substring("tab-".length())));
            menu.getItems().add(tab);
        }
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().add(item("menu.view.fit", "Shortcut+0", fitView));
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem(Texts.get("menu.view.light"));
        RadioMenuItem dark = new RadioMenuItem(Texts.get("menu.view.dark"));
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(!Look.dark());
        dark.setSelected(Look.dark());
        light.setOnAction(e -> Look.themeProperty().set(Look.Theme.LIGHT));
        dark.setOnAction(e -> Look.themeProperty().set(Look.Theme.DARK));
        Look.themeProperty().addListener((o, was, is) -> (is == Look.Theme.DARK ? dark : light).setSelected(true));
        CheckMenuItem presenter = new CheckMenuItem(Texts.get("menu.view.presenter"));
        presenter.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        presenter.selectedProperty().bindBidirectional(Look.presenterProperty());
        menu.getItems().addAll(new SeparatorMenuItem(), light, dark, presenter, new SeparatorMenuItem(), language());
        return menu;
    }

    /**
     * View › Language: each language named in itself; a change is kept for the next start and said
     * in both languages (the window keeps its words until then).
     */
    private static Menu language() {
        Menu menu = new Menu(Texts.get("menu.view.language"));
        menu.setId("menu-language");
        ToggleGroup group = new ToggleGroup();
        for (String[] choice : new String[][] {{LanguageChoice.ENGLISH, "English"}, {LanguageChoice.CHINESE, "简体中文"}}) {
            RadioMenuItem item = new RadioMenuItem(choice[1]);
            item.setToggleGroup(group);
            item.setSelected(LanguageChoice.current().equals(choice[0]));
            item.setOnAction(e -> {
                if (!LanguageChoice.choose(AppDirs.home(), choice[0])) return;
                Alert said = new Alert(Alert.AlertType.INFORMATION, choice[0].equals(LanguageChoice.CHINESE)
                        ? "重新启动 Latent Lab 后，界面将显示为简体中文。\nLatent Lab will be in Simplified Chinese from its next start."
                        : "Latent Lab will be in English from its next start.\n重新启动 Latent Lab 后，界面将显示为英文。");
                said.setHeaderText(choice[1]);
                said.show();
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    /**
     * Help › Keyboard shortcuts: every shortcut of the window's menu bar, read when asked (so the
     * File and Lessons menus' keys are there too), each named as "Menu › Item".
     */
    MenuItem shortcutList(BorderPane owner) {
        return item("menu.help.shortcuts", null, () -> {
            StringBuilder text = new StringBuilder();
            for (Menu menu : ((MenuBar) owner.getTop()).getMenus()) list(menu, menu.getText(), text);
            Alert list = new Alert(Alert.AlertType.INFORMATION, text.toString());
            list.setHeaderText(Texts.get("menu.help.shortcuts"));
            list.initOwner(owner.getScene().getWindow());
            list.show();
        });
    }

    private static void list(Menu menu, String path, StringBuilder out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) list(sub, path + " › " + sub.getText(), out);
            else if (item.getAccelerator() != null) {
                out.append(item.getAccelerator().getDisplayText()).append("    ").append(path).append(" › ")
                        .append(item.getText()).append('\n');
            }
        }
    }

    /** Uses the look's stylesheets on {@code root} (and the theme for every window), now and when it changes. */
    static void followLook(Parent root) {
        Runnable apply = () -> {
            Application.setUserAgentStylesheet(Look.dark() ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            root.getStylesheets().clear();
            add(root, BASE_CSS);
            if (Look.presenterProperty().get()) add(root, PRESENTER_CSS);
            root.setStyle(Palettes.chartColors(Look.palette())); // chart series in the classes' colours
        };
        apply.run();
        Look.onChange(apply);
    }

    private static void add(Parent root, String css) {
        var url = ShellMenus.class.getResource(css);
        if (url != null) root.getStylesheets().add(url.toExternalForm());
    }
}
