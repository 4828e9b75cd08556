package io.github.latentlab.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.latentlab.util.Message;

/**
 * Reads a lesson file: {@code # Title}, then {@code ## Step} sections holding text in a small
 * Markdown subset, {@code @command} lines, and {@code ?}/{@code =} question and answer lines
 * (docs/lessons.md). Anything it cannot read is a {@link LessonFormatException} naming the line.
 */
public final class LessonParser {
    /** Far beyond any lesson; stops a wrong file from being read whole into the window. */
    public static final int MAX_CHARS = 512 * 1024;
    public static final int MAX_STEPS = 200;
    private static final Pattern PICTURE = Pattern.compile("!\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,3}[.)]\\s+(.*)");

    private final String source;
    private final List<Step> steps = new ArrayList<>();
    private String title;
    private StepBuilder step;
    private int lineNo;

    private LessonParser(String source) {
        this.source = source;
    }

    /** Parses {@code text}, read from {@code source} (a file name for messages); pictures are looked up in {@code folder}. */
    public static Lesson parse(String source, Path folder, String text) throws LessonFormatException {
        if (text.length() > MAX_CHARS) throw new LessonFormatException(source, 0, Message.of("lesson.error.tooLarge", MAX_CHARS / 1024));
        return new LessonParser(source).read(folder, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private Lesson read(Path folder, String text) throws LessonFormatException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean inComment = false;
        int commentLine = 0;
        for (int i = 0; i < lines.length; i++) {
            lineNo = i + 1;
            String line = lines[i].stripTrailing();
            if (inComment || line.strip().startsWith("<!--")) {
                if (!inComment) commentLine = lineNo;
                inComment = !line.contains("-->");
                continue;
            }
            if (title == null) {
                if (line.isBlank()) continue;
                if (!line.startsWith("# ")) throw error("lesson.error.title");
                title = line.substring(2).strip();
                continue;
            }
            readLine(line);
        }
        if (inComment) {
            lineNo = commentLine;
            throw error("lesson.error.commentOpen");
        }
        if (title == null) throw new LessonFormatException(source, 0, Message.of("lesson.error.empty"));
        endStep();
        if (steps.isEmpty()) throw new LessonFormatException(source, 0, Message.of("lesson.error.noSteps"));
        return new Lesson(source, folder, title, steps);
    }

    private void readLine(String line) throws LessonFormatException {
        String s = line.strip();
        if (line.startsWith("## ")) {
            endStep();
            if (steps.size() == MAX_STEPS) throw error("lesson.error.tooManySteps", MAX_STEPS);
            step = new StepBuilder(line.substring(3).strip(), lineNo);
            return;
        }
        if (line.startsWith("# ")) throw error("lesson.error.secondTitle");
        if (step == null) {
            if (s.isEmpty()) return;
            step = new StepBuilder(title, lineNo); // text before the first step is an introduction
        }
        step.add(line, s);
    }

    private void endStep() throws LessonFormatException {
        if (step != null) steps.add(step.build());
        step = null;
    }

    private LessonFormatException error(String key, Object... args) {
        return error(Message.of(key, args));
    }

    private LessonFormatException error(Message problem) {
        return new LessonFormatException(source, lineNo, problem);
    }

    /** Gathers one step's lines into blocks. */
    private final class StepBuilder {
        private final String stepTitle;
        private final int startLine;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Command> commands = new ArrayList<>();
        private final StringBuilder paragraph = new StringBuilder();
        private final List<StringBuilder> items = new ArrayList<>();
        private boolean numbered;
        private StringBuilder question;
        private int questionLine;
        private StringBuilder answer;

        StepBuilder(String stepTitle, int startLine) throws LessonFormatException {
            if (stepTitle.isEmpty()) throw error("lesson.error.stepTitle");
            this.stepTitle = stepTitle;
            this.startLine = startLine;
        }

        void add(String line, String s) throws LessonFormatException {
            if (s.startsWith("=")) {
                if (question == null) throw error("lesson.error.answerFirst");
                answer = append(answer, s.substring(1));
                return;
            }
            if (s.startsWith("?")) {
                if (answer != null) endQuestion();
                flushText();
                if (question == null) questionLine = lineNo;
                question = append(question, s.substring(1));
                return;
            }
            endQuestion();
            if (s.isEmpty()) {
                flushText();
            } else if (s.startsWith("@")) {
                flushText();
                command(s.substring(1));
            } else if (s.startsWith("#")) {
                flushText();
                int level = s.indexOf(' ');
                if (level < 3 || !s.substring(0, level).chars().allMatch(ch -> ch == '#')) {
                    throw error("lesson.error.heading");
                }
                blocks.add(new Block.Heading(level, Inlines.parse(s.substring(level + 1).strip())));
            } else if (PICTURE.matcher(s).matches()) {
                flushText();
                picture(s);
            } else if (s.startsWith("- ") || s.startsWith("* ") || s.startsWith("+ ")) {
                item(false, s.substring(2));
            } else if (NUMBERED.matcher(s).matches() && (paragraph.isEmpty())) {
                Matcher m = NUMBERED.matcher(s);
                m.matches();
                item(true, m.group(1));
            } else if (!items.isEmpty() && line.startsWith(" ")) {
                items.get(items.size() - 1).append(' ').append(s); // an item's continued line
            } else {
                if (!items.isEmpty()) flushText();
                append(paragraph, s);
            }
        }

        private void command(String text) throws LessonFormatException {
            if (text.isBlank()) throw error("lesson.error.noCommand");
            Command c = Command.parse(text, lineNo);
            Message problem = CommandVocabulary.problemWith(c);
            if (problem != null) throw error(problem);
            commands.add(c);
        }

        private void picture(String s) throws LessonFormatException {
            Matcher m = PICTURE.matcher(s);
            m.matches();
            String path = m.group(2);
            String lower = path.toLowerCase(Locale.ROOT);
            if (path.contains("..") || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
                throw error("lesson.error.picturePlace", path);
            }
            if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".gif"))) {
                throw error("lesson.error.pictureType", path);
            }
            blocks.add(new Block.Picture(m.group(1), path, lineNo));
        }

        private void item(boolean isNumbered, String text) {
            if (!paragraph.isEmpty() || (!items.isEmpty() && numbered != isNumbered)) flushText();
            numbered = isNumbered;
            items.add(new StringBuilder(text.strip()));
        }

        private void endQuestion() throws LessonFormatException {
            if (question == null) return;
            if (answer == null) {
                lineNo = questionLine;
                throw error("lesson.error.noAnswer");
            }
            blocks.add(new Block.Question(Inlines.parse(question.toString()), Inlines.parse(answer.toString())));
            question = null;
            answer = null;
        }

        private void flushText() {
            if (!paragraph.isEmpty()) blocks.add(new Block.Paragraph(Inlines.parse(paragraph.toString())));
            paragraph.setLength(0);
            if (!items.isEmpty()) {
                blocks.add(new Block.Items(numbered, items.stream().map(b -> Inlines.parse(b.toString())).toList()));
            }
            items.clear();
        }

        Step build() throws LessonFormatException {
            endQuestion();
            flushText();
            if (blocks.isEmpty() && commands.isEmpty()) {
                lineNo = startLine;
                throw error("lesson.error.emptyStep", stepTitle);
            }
            return new Step(stepTitle, blocks, commands, startLine);
        }
    }

    private static StringBuilder append(StringBuilder to, String text) {
        StringBuilder b = to == null ? new StringBuilder() : to;
        if (!b.isEmpty()) b.append(' ');
        return b.append(text.strip());
    }
}
