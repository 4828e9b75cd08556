package io.github.latentlab.util;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.LoggerFactory;

/**
 * Where the log goes and how much of it reaches the console. The configuration is
 * {@code logback.xml}: warnings on the console (ND4J's and DL4J's INFO lines would bury the
 * command line's own output), INFO and above in a rolling file under {@link #folder()}.
 */
public final class Logs {
    static final String DIR_PROPERTY = "latentlab.logdir";

    private Logs() { }

    /** The log folder: {@code logs} in the app's data folder. */
    public static Path folder() {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir != null && !dir.isBlank() ? Path.of(dir) : AppDirs.home().resolve("logs");
    }

    /** Points the log file at {@link #folder()}; call before the first logger is created. */
    public static void useAppFolder() {
        if (System.getProperty(DIR_PROPERTY) == null) System.setProperty(DIR_PROPERTY, folder().toString());
    }

    /** {@code --verbose}: INFO lines (ND4J's included) on the console too. */
    public static void verbose() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) consoleThreshold(context, Level.INFO);
    }

    static void consoleThreshold(LoggerContext context, Level level) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getLevel() == null || root.getLevel().isGreaterOrEqual(level)) root.setLevel(level);
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        if (console == null) return;
        console.clearAllFilters();
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(level.levelStr);
        filter.start();
        console.addFilter(filter);
    }
}
