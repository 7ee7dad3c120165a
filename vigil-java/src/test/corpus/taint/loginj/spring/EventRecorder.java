package corpus.taint.loginj.spring;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Writes audit events; callers decide what goes in. */
class EventRecorder {

    private static final Logger LOG = LogManager.getLogger(EventRecorder.class);

    void record(String kind, String detail) {
        LOG.warn(kind + ": " + detail); // vigil: expect java/log-injection
    }

    void recordKind(String kind, String detail) {
        LOG.warn(kind + ": " + (detail == null ? 0 : detail.length()) + " chars"); // vigil: safe java/log-injection
    }
}
