package dev.vigil.java.frontend;

import dev.vigil.core.scan.Notification;
import java.util.List;

/** The parsed and attributed units of a scan, and the problems met while parsing. */
public record JavaProgram(List<ParsedUnit> units, List<Notification> notifications) {

    public JavaProgram {
        units = List.copyOf(units);
        notifications = List.copyOf(notifications);
    }
}
