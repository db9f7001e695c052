package trent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Trent's logging, set up in code: one line per event on standard error,
 * {@code 2026-01-02T03:04:05.678Z INFO  trent.request ...} (time in UTC, level, logger abbreviated
 * to 20 characters, message, then the stack trace if any), at INFO, with the chatty libraries
 * (HikariCP, Flyway, Netty) at WARN. Done in code because reading an XML configuration costs a
 * noticeable part of a start (logback's XML parser and configuration model).
 *
 * <p>Found by logback through {@code META-INF/services}; it steps aside, and logback reads its
 * files as usual, when {@code -Dlogback.configurationFile} is given or a {@code logback-test.xml}
 * or {@code logback.xml} is on the class path (tests that run the CLI, an application that embeds
 * it).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ClassLoader loader = LogConfigurator.class.getClassLoader();
    if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
        || loader.getResource("logback.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    setUp(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context}: the appender, its line and the levels. */
  static void setUp(LoggerContext context) {
    LineLayout layout = new LineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    context.getLogger("com.zaxxer").setLevel(Level.WARN);
    context.getLogger("org.flywaydb").setLevel(Level.WARN);
    context.getLogger("io.netty").setLevel(Level.WARN);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
  }

  /** The line of {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{20} %msg%n}, and the stack trace. */
  static final class LineLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(20);

    @Override
    public String doLayout(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(128);
      TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
      line.append(' ');
      String level = event.getLevel().toString();
      line.append(level);
      for (int i = level.length(); i < 5; i++) {
        line.append(' ');
      }
      line.append(' ').append(abbreviator.abbreviate(event.getLoggerName())).append(' ')
          .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
      if (event.getThrowableProxy() != null) {
        line.append(throwables().convert(event));
      }
      return line.toString();
    }

    private ThrowableProxyConverter throwables;

    /** What a pattern layout appends for an event with a throwable; made at the first one. */
    private synchronized ThrowableProxyConverter throwables() {
      if (throwables == null) {
        ThrowableProxyConverter converter = new ThrowableProxyConverter();
        converter.setContext(getContext());
        converter.start();
        throwables = converter;
      }
      return throwables;
    }
  }
}
