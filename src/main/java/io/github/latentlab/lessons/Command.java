package io.github.latentlab.lessons;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One thing to set up in the app, written as text ({@code projection tsne seed=1}): a verb and its
 * words. Lessons carry them (and sessions may), the window carries them out through its command
 * interface; {@link CommandVocabulary} says which are valid. {@code line} is where a file had it
 * (0 when it came from elsewhere), for messages.
 */
public record Command(String verb, List<String> args, int line) {
    public Command {
        verb = verb.toLowerCase(Locale.ROOT);
        args = List.copyOf(args);
    }

    /** Splits {@code text} on spaces: the first word is the verb. */
    public static Command parse(String text, int line) {
        String[] words = text.trim().split("\\s+");
        return new Command(words[0], List.of(words).subList(1, words.length), line);
    }

    /** The positional word {@code i} (not a key=value one), if there is one. */
    public Optional<String> word(int i) {
        List<String> plain = args.stream().filter(a -> !a.contains("=")).toList();
        return i < plain.size() ? Optional.of(plain.get(i)) : Optional.empty();
    }

    /** The value of {@code key=value}, if given. */
    public Optional<String> option(String key) {
        String prefix = key + "=";
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }

    @Override public String toString() {
        return args.isEmpty() ? verb : verb + " " + String.join(" ", args);
    }
}
