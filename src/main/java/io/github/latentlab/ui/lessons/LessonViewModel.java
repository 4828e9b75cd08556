package io.github.latentlab.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.github.latentlab.lessons.Command;
import io.github.latentlab.lessons.Lesson;
import io.github.latentlab.lessons.Step;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.Texts;

/**
 * A lesson being followed: which step is shown, Back and Next, and the step's commands, run in
 * order through the app's commands when the step is entered (and again on request). A command
 * that cannot be done is listed as a problem; the others still run. Entering another step stops
 * issuing the commands of the one left.
 */
public final class LessonViewModel {
    private final AppCommands commands;
    private final Executor uiThread;
    private final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final IntegerProperty step = new SimpleIntegerProperty(-1);
    private final BooleanProperty settingUp = new SimpleBooleanProperty(false);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    /** Counts step entries: commands of an entry that is no longer current are not issued. */
    private int entry;

    public LessonViewModel(AppCommands commands, Executor uiThread) {
        this.commands = commands;
        this.uiThread = uiThread;
    }

    public ObjectProperty<Lesson> lessonProperty() { return lesson; }
    /** The shown step, 0-based; -1 without a lesson. */
    public IntegerProperty stepProperty() { return step; }
    /** Whether the step's commands are still being carried out. */
    public BooleanProperty settingUpProperty() { return settingUp; }
    /** What the step's commands could not do, in the learner's words. */
    public ObservableList<String> problems() { return problems; }

    public BooleanBinding canGoBack() { return step.greaterThan(0); }

    public BooleanBinding canGoNext() {
        return Bindings.createBooleanBinding(() -> lesson.get() != null && step.get() < lesson.get().steps().size() - 1,
                lesson, step);
    }

    /** "Step 2 of 6". */
    public StringBinding progressText() {
        return Bindings.createStringBinding(() -> lesson.get() == null ? ""
                : Texts.format("lesson.progress", step.get() + 1, lesson.get().steps().size()), lesson, step);
    }

    /** 0 to 1, for a progress bar. */
    public DoubleBinding progress() {
        return Bindings.createDoubleBinding(() -> lesson.get() == null ? 0
                : (step.get() + 1) / (double) lesson.get().steps().size(), lesson, step);
    }

    public Step currentStep() {
        Lesson l = lesson.get();
        return l == null || step.get() < 0 || step.get() >= l.steps().size() ? null : l.steps().get(step.get());
    }

    /** Shows {@code l} from its first step, which sets the app up; the future ends with the set-up. */
    public CompletableFuture<Void> start(Lesson l) {
        return startAt(l, 0);
    }

    /** Shows {@code l} from step {@code at} (the last when it has fewer), which sets the app up. */
    public CompletableFuture<Void> startAt(Lesson l, int at) {
        step.set(-1); // the step shown belonged to the lesson before (which may have had more steps)
        lesson.set(l);
        return enter(Math.max(0, Math.min(at, l.steps().size() - 1)));
    }

    public CompletableFuture<Void> next() {
        return canGoNext().get() ? enter(step.get() + 1) : CompletableFuture.completedFuture(null);
    }

    public CompletableFuture<Void> back() {
        return canGoBack().get() ? enter(step.get() - 1) : CompletableFuture.completedFuture(null);
    }

    /** Runs the shown step's commands again (after the learner changed things). */
    public CompletableFuture<Void> setUpAgain() {
        return step.get() < 0 ? CompletableFuture.completedFuture(null) : enter(step.get());
    }

    public void close() {
        entry++;
        lesson.set(null);
        step.set(-1);
        problems.clear();
        settingUp.set(false);
    }

    private CompletableFuture<Void> enter(int index) {
        int mine = ++entry;
        step.set(index);
        problems.clear();
        List<Command> todo = new ArrayList<>(currentStep().commands());
        settingUp.set(!todo.isEmpty());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Command c : todo) {
            chain = chain.thenComposeAsync(v -> mine == entry ? runOne(c, mine) : CompletableFuture.completedFuture(null),
                    uiThread);
        }
        return chain.thenRunAsync(() -> {
            if (mine == entry) settingUp.set(false);
        }, uiThread);
    }

    /** One command; its failure becomes a listed problem, never the end of the chain. */
    private CompletableFuture<Void> runOne(Command c, int mine) {
        CompletableFuture<?> f;
        try {
            f = commands.run(c);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handleAsync((v, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause != null && !(cause instanceof CancellationException) && mine == entry) {
                problems.add(Texts.format("lesson.problem", c.toString(), Texts.problem(cause)));
            }
            return null;
        }, uiThread);
    }
}
