package io.github.latentlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logback.xml: parses, keeps INFO off the console unless verbose, writes it to the log file. */
class LogsTest {
    @TempDir Path dir;

    @Test
    void shippedConfigurationLogsInfoToTheFileAndOnlyWarningsToTheConsole() throws Exception {
        URL config = Path.of("src/main/resources/logback.xml").toUri().toURL();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // a fresh context has none; events need one
        System.setProperty(Logs.DIR_PROPERTY, dir.toString());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(config);
            for (Status s : context.getStatusManager().getCopyOfStatusList()) {
                assertTrue(s.getLevel() < Status.WARN, "logback.xml: " + s);
            }
            Logger nd4j = context.getLogger("org.nd4j.linalg.factory.Nd4jBackend");
            nd4j.info("Loaded [CpuBackend] backend");
            nd4j.warn("a warning");
            Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
            LoggingEvent info = new LoggingEvent("x", nd4j, Level.INFO, "info", null, null);
            LoggingEvent warn = new LoggingEvent("x", nd4j, Level.WARN, "warn", null, null);
            assertEquals(FilterReply.DENY, console.getFilterChainDecision(info), "INFO stays off the console");
            assertNotEquals(FilterReply.DENY, console.getFilterChainDecision(warn));

            Logs.consoleThreshold(context, Level.INFO); // --verbose
            assertNotEquals(FilterReply.DENY, console.getFilterChainDecision(info), "--verbose shows INFO");
        } finally {
            System.clearProperty(Logs.DIR_PROPERTY);
            context.stop();
        }
        String file = Files.readString(dir.resolve("latent-lab.log"));
        assertTrue(file.contains("Loaded [CpuBackend] backend") && file.contains("a warning"), file);
    }

    @Test
    void logFolderIsInTheAppHomeUnlessSet() {
        assertEquals(AppDirs.home().resolve("logs"), Logs.folder());
    }
}
