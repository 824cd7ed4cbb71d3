package dev.rotor.examples;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what gRPC logs through {@code java.util.logging} to slf4j as one line each, the exception's text
 * without its stack trace (that at DEBUG only): a client can make gRPC log at will, for example by sending a
 * message over the size limit, and must not be able to fill the log with stack traces.
 */
final class GrpcLogBridge extends Handler {

    /** Held here: {@code java.util.logging} keeps loggers only weakly, and would drop the handler with it. */
    private static final java.util.logging.Logger GRPC = java.util.logging.Logger.getLogger("io.grpc");

    private static final SimpleFormatter MESSAGES = new SimpleFormatter();

    private GrpcLogBridge() {}

    /** Routes gRPC's {@code java.util.logging} output here, once per JVM, instead of to the console. */
    static synchronized void install() {
        for (Handler handler : GRPC.getHandlers()) {
            if (handler instanceof GrpcLogBridge) {
                return;
            }
        }
        GRPC.addHandler(new GrpcLogBridge());
        GRPC.setUseParentHandlers(false);
    }

    @Override
    public void publish(LogRecord record) {
        Logger log = LoggerFactory.getLogger(record.getLoggerName() == null ? "io.grpc" : record.getLoggerName());
        String message = MESSAGES.formatMessage(record);
        Throwable thrown = record.getThrown();
        String line = AccessLog.printable(thrown == null ? message : message + ": " + thrown);
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            log.error("{}", line);
        } else if (level >= Level.WARNING.intValue()) {
            log.warn("{}", line);
        } else if (level >= Level.INFO.intValue()) {
            log.info("{}", line);
        } else {
            log.debug("{}", line);
        }
        if (thrown != null) {
            log.debug("Stack trace of the line above", thrown);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
