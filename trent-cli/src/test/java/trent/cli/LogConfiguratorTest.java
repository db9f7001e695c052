package trent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The logging set up in code writes what the XML configuration it replaced wrote: the same line
 * as logback's pattern {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{20} %msg%n},
 * stack traces included, and the same levels.
 */
class LogConfiguratorTest {

  private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{20} %msg%n";

  private static LoggingEvent event(LoggerContext context, String logger, Level level, long millis, Throwable thrown) {
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level,
        "deleted {} key(s)", thrown, new Object[] {3});
    event.setTimeStamp(millis);
    return event;
  }

  @ParameterizedTest
  @ValueSource(strings = {"trent.request", "trent.server.TrentServer", "io.netty.channel.DefaultChannelPipeline", "x"})
  void writesTheLineOfThePattern(String logger) {
    LoggerContext context = new LoggerContext();
    PatternLayout pattern = new PatternLayout();
    pattern.setContext(context);
    pattern.setPattern(PATTERN);
    pattern.start();
    LogConfigurator.LineLayout line = new LogConfigurator.LineLayout();
    line.setContext(context);
    line.start();

    for (Level level : new Level[] {Level.INFO, Level.WARN, Level.ERROR, Level.DEBUG}) {
      for (long millis : new long[] {0L, 1_796_000_000_007L, 1_796_000_000_070L, 1_796_000_000_700L}) {
        LoggingEvent event = event(context, logger, level, millis, null);
        assertThat(line.doLayout(event)).isEqualTo(pattern.doLayout(event));
      }
    }
    LoggingEvent failed = event(context, logger, Level.ERROR, 1_796_000_000_123L,
        new IllegalStateException("outer", new java.io.IOException("inner")));
    assertThat(line.doLayout(failed)).isEqualTo(pattern.doLayout(failed));
  }

  @Test
  void stepsAsideForAConfigurationFileNamedOnTheCommandLine() {
    LoggerContext context = new LoggerContext();
    LogConfigurator configurator = new LogConfigurator();
    configurator.setContext(context);
    String old = System.setProperty("logback.configurationFile", "elsewhere.xml");
    try {
      assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    } finally {
      if (old == null) {
        System.clearProperty("logback.configurationFile");
      } else {
        System.setProperty("logback.configurationFile", old);
      }
    }
  }

  @Test
  void setsTheLevelsOfTheOldConfiguration() {
    LoggerContext context = new LoggerContext();

    LogConfigurator.setUp(context);

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("trent.request").getEffectiveLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.flywaydb.core").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.zaxxer.hikari").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
  }
}
