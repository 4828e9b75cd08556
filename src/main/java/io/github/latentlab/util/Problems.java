package io.github.latentlab.util;

import java.io.IOException;

/**
 * The standard exceptions a core refusal is thrown as, carrying its words as a {@link Message}
 * ({@link Message.Carrier}): {@code getMessage()} is the English, a window renders the message in
 * its own language.
 */
public final class Problems {
    private Problems() { }

    /** The words {@code e} carries, else its own text (a library's, in English) as it is. */
    public static Message messageOf(Throwable e) {
        if (e instanceof Message.Carrier c && c.userMessage() != null) return c.userMessage();
        return Message.of("plain.text", e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** A value or request refused. */
    public static final class BadArgument extends IllegalArgumentException implements Message.Carrier {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        public BadArgument(Message message) {
            super(message.english());
            this.message = message;
        }

        @Override public Message userMessage() { return message; }
    }

    /** A request that does not fit the current state. */
    public static final class BadState extends IllegalStateException implements Message.Carrier {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        public BadState(Message message) {
            super(message.english());
            this.message = message;
        }

        public BadState(Message message, Throwable cause) {
            super(message.english(), cause);
            this.message = message;
        }

        @Override public Message userMessage() { return message; }
    }

    /** A file or folder that cannot be read as needed. */
    public static final class BadInput extends IOException implements Message.Carrier {
        private static final long serialVersionUID = 1L;
        private final transient Message message;

        public BadInput(Message message) {
            this(message, null);
        }

        public BadInput(Message message, Throwable cause) {
            super(message.english(), cause);
            this.message = message;
        }

        @Override public Message userMessage() { return message; }
    }
}
