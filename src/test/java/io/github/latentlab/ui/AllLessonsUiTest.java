package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import io.github.latentlab.lessons.LessonLibrary;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.ui.lessons.LessonViewModel;
import io.github.latentlab.ui.training.TrainingViewModel;

/**
 * Every step of every shipped lesson, in the real window: each command resolves and is carried out
 * without a problem (a model by its name, a comparison, a map, a selection). Runs a step starts
 * (train, compare) are stopped before the next step, as a teacher would before moving on.
 */
class AllLessonsUiTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void everyCommandOfEveryShippedLessonIsCarriedOut(FxRobot robot) throws Exception {
        LessonViewModel lesson = window.lessonViewModel();
        List<String> problems = new ArrayList<>();
        int stepsSeen = 0;
        for (String name : LessonLibrary.names()) {
            int steps = LessonLibrary.load(name, Locale.getDefault()).steps().size();
            robot.interact(() -> window.startLesson(name));
            waitUntil(() -> lesson.lessonProperty().get() != null && lesson.lessonProperty().get().source().startsWith(name));
            for (int k = 0; k < steps; k++) {
                int step = k;
                waitUntil(() -> lesson.stepProperty().get() == step && !lesson.settingUpProperty().get());
                lesson.problems().forEach(p -> problems.add(name + " step " + (step + 1) + ": " + p));
                stepsSeen++;
                TrainingViewModel training = window.trainingViewModel();
                List<Run> waiting = state.runs().runs().stream().filter(r -> r.status() == RunStatus.QUEUED).toList();
                if (!waiting.isEmpty()) state.runs().delete(waiting).get(30, TimeUnit.SECONDS);
                if (training.getState() != TrainingViewModel.State.IDLE) {
                    robot.interact(training::stop);
                    waitUntil(() -> training.getState() == TrainingViewModel.State.IDLE);
                }
                if (step < steps - 1) robot.interact(lesson::next);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(stepsSeen >= 7 * 5, "every step of the seven lessons: " + stepsSeen);
    }
}
