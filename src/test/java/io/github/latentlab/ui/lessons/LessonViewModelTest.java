package io.github.latentlab.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.latentlab.lessons.Command;
import io.github.latentlab.lessons.Lesson;
import io.github.latentlab.lessons.LessonParser;
import io.github.latentlab.ui.AppCommands;
import io.github.latentlab.ui.TestUiThread;

class LessonViewModelTest {
    private final TestUiThread ui = new TestUiThread();
    private final List<String> done = new CopyOnWriteArrayList<>();
    /** Open-model takes a while and fails for "missing"; the rest are done at once. */
    private final AppCommands app = new AppCommands() {
        @Override
        public CompletableFuture<?> run(Command c) {
            if (c.toString().equals("open-model missing")) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("no model named missing"));
            }
            if (c.verb().equals("open-model")) {
                return CompletableFuture.runAsync(() -> done.add(c.toString()),
                        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, ui));
            }
            done.add(c.toString());
            return CompletableFuture.completedFuture(null);
        }

        @Override public void showTab(String name) { }

        @Override public void openModel() { }
    };
    private final LessonViewModel vm = new LessonViewModel(app, ui);

    private static Lesson lesson() throws Exception {
        return LessonParser.parse("t.md", null, """
                # Lesson
                ## One
                @open-model fashion-ae-latent2
                @tab latent
                @projection latent
                Look.
                ## Two
                @open-model missing
                @tab noise
                ? Will it work?
                = Partly.
                ## Three
                The end.
                """);
    }

    @AfterEach
    void close() { ui.close(); }

    @Test
    void enteringAStepRunsItsCommandsInOrderEachAfterTheLastIsDone() throws Exception {
        Lesson lesson = lesson();
        ui.call(() -> vm.start(lesson)).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("open-model fashion-ae-latent2", "tab latent", "projection latent"), done);
        assertEquals("Step 1 of 3", ui.call(() -> vm.progressText().get()));
        assertFalse(ui.call(() -> vm.canGoBack().get()));
        assertFalse(ui.call(() -> vm.settingUpProperty().get()));

        done.clear();
        ui.call(vm::setUpAgain).get(5, TimeUnit.SECONDS);
        assertEquals(3, done.size(), "set up again runs the step's commands again");
    }

    @Test
    void aCommandThatFailsIsListedAndTheRestStillRun() throws Exception {
        Lesson lesson = lesson();
        ui.call(() -> vm.start(lesson)).get(5, TimeUnit.SECONDS);
        done.clear();
        ui.call(vm::next).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("tab noise"), done);
        List<String> problems = ui.call(() -> List.copyOf(vm.problems()));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("open-model missing") && problems.get(0).contains("no model named missing"),
                problems.get(0));

        ui.call(vm::next).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), ui.call(() -> List.copyOf(vm.problems())), "a new step starts without problems");
        assertFalse(ui.call(() -> vm.canGoNext().get()));
        assertEquals(1.0, ui.call(() -> vm.progress().get()), 1e-9);
    }

    /** Another lesson, shorter than the step reached in this one, starts at its first step. */
    @Test
    void anotherLessonStartsAtItsFirstStep() throws Exception {
        Lesson lesson = lesson();
        ui.call(() -> vm.start(lesson)).get(5, TimeUnit.SECONDS);
        ui.call(vm::next).get(5, TimeUnit.SECONDS);
        ui.call(vm::next).get(5, TimeUnit.SECONDS);
        Lesson shorter = LessonParser.parse("s.md", null, "# Short\n## Only\nOne step.\n");
        ui.call(() -> vm.start(shorter)).get(5, TimeUnit.SECONDS);
        assertEquals("Only", ui.call(() -> vm.currentStep().title()));
        assertEquals("Step 1 of 1", ui.call(() -> vm.progressText().get()));
    }

    @Test
    void leavingAStepStopsItsRemainingCommands() throws Exception {
        Lesson lesson = lesson();
        CompletableFuture<Void> first = ui.call(() -> vm.start(lesson)); // open-model takes 200 ms
        ui.call(vm::next).get(5, TimeUnit.SECONDS);
        first.get(5, TimeUnit.SECONDS);
        assertFalse(done.contains("tab latent"), "the first step's later commands are not issued: " + done);
        assertTrue(done.contains("tab noise"));
        assertEquals(1, ui.call(() -> vm.stepProperty().get()));

        ui.run(vm::close);
        assertEquals(null, ui.call(() -> vm.lessonProperty().get()));
        assertEquals("", ui.call(() -> vm.progressText().get()));
    }
}
