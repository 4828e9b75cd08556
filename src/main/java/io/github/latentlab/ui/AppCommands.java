package io.github.latentlab.ui;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.latentlab.lessons.Command;

/**
 * What a pane, a lesson or (later) a session may ask of the app as a whole, without knowing the
 * window: the written commands of docs/lessons.md ({@link #run}) and the few a pane's buttons use
 * directly. The main window carries them all out, the same way whoever asks.
 */
public interface AppCommands {
    /**
     * Carries out {@code command}; the future completes when what it set up is in place (a model
     * open, a map drawn), or fails with a message a learner can read when it cannot be done.
     */
    CompletableFuture<?> run(Command command);

    /** Shows the tab {@code name}: train, latent, noise, draw or runs. */
    void showTab(String name);

    /** Asks for a model file and opens it. */
    void openModel();

    /** The models that come with the app, name → title (empty when none are shipped). */
    default Map<String, String> shippedModels() { return Map.of(); }

    /** Opens the shipped model {@code name} (its file name without .llab). */
    default CompletableFuture<?> openShipped(String name) { return run(Command.parse("open-model " + name, 0)); }

    /** Whether the app comes with lessons: empty panes then offer the first. */
    default boolean hasLessons() { return false; }

    /** Opens the first shipped lesson in the lesson panel. */
    default void startFirstLesson() { }

    /** For panes built alone (tests): nothing happens. */
    AppCommands NONE = new AppCommands() {
        @Override public CompletableFuture<?> run(Command command) { return CompletableFuture.completedFuture(null); }

        @Override public void showTab(String name) { }

        @Override public void openModel() { }
    };
}
