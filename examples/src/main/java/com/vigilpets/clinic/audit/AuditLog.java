package com.vigilpets.clinic.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Security-relevant events in one greppable log ("audit" logger), one line per
 * event. User-supplied values are flattened to a single line first.
 */
@Component
public class AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    public void passwordResetRequested(String email) {
        AUDIT.info("password-reset-requested email=" + singleLine(email)); // vigil: safe java/log-injection
    }

    public void adminAction(String admin, String action) {
        AUDIT.info("admin-action admin=" + singleLine(admin) + " action=" + singleLine(action)); // vigil: safe java/log-injection
    }

    /** Replaces CR, LF and other control characters so one event stays one line. */
    public static String singleLine(String value) {
        if (value == null) {
            return "-";
        }
        return value.replaceAll("[\\p{Cntrl}]", "_");
    }
}
