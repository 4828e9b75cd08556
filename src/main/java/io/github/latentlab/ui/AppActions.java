package io.github.latentlab.ui;

import java.util.List;

/**
 * What a pane may ask of the app as a whole, without knowing the window: show another tab, open a
 * model. The main window carries them out; empty states and, later, lessons use them.
 */
public interface AppActions {
    /** Shows the tab whose title starts with {@code name} ("train", "latent"). */
    void showTab(String name);

    /** Asks for a model file and opens it. */
    void openModel();

    /** The titles of the models that come with the app (none when none are shipped). */
    default List<String> shippedModels() { return List.of(); }

    /** Opens the shipped model with this title. */
    default void openShipped(String title) { }

    /** For panes built alone (tests): nothing happens. */
    AppActions NONE = new AppActions() {
        @Override public void showTab(String name) { }

        @Override public void openModel() { }
    };
}
