package io.github.latentlab.fuzz;

import java.util.regex.Pattern;

/** Whether a refusal's message tells the user something: not empty, no "null", no bare exception class names. */
public final class MessageCheck {
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");
    private static final Pattern NULL_WORD = Pattern.compile("\\bnull\\b");

    private MessageCheck() { }

    public static boolean saysSomething(String message) {
        return message != null && !message.isBlank() && !NULL_WORD.matcher(message).find()
                && !EXCEPTION_NAME.matcher(message).find();
    }
}
