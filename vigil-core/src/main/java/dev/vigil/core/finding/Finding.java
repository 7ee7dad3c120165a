package dev.vigil.core.finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One reported problem. Carries its evidence: the flow from source to sink (empty for API-misuse
 * findings that are not flows), a stable fingerprint, and an open property map that later stages
 * (model triage, fixes) enrich.
 *
 * @param enclosingMethod the method (or "Class.<init>", "Class.<clinit>") holding the sink, part of
 *     the fingerprint so that it survives edits elsewhere in the file
 * @param suppression present when the finding was suppressed; null otherwise
 */
public record Finding(
        String ruleId,
        int cwe,
        Severity severity,
        String message,
        Location location,
        String enclosingMethod,
        List<FlowStep> flow,
        String fingerprint,
        Map<String, Object> properties,
        Suppression suppression) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        message = message == null ? "" : message;
        enclosingMethod = enclosingMethod == null ? "" : enclosingMethod;
        flow = List.copyOf(flow == null ? List.of() : flow);
        if (fingerprint == null || fingerprint.isEmpty()) {
            fingerprint = Fingerprints.of(ruleId, location.file(), enclosingMethod, location.snippet());
        }
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    /** A finding with a computed fingerprint, no properties and no suppression. */
    public static Finding of(String ruleId, int cwe, Severity severity, String message, Location location,
                             String enclosingMethod, List<FlowStep> flow) {
        return new Finding(ruleId, cwe, severity, message, location, enclosingMethod, flow, null, Map.of(), null);
    }

    public Optional<Suppression> suppressionInfo() {
        return Optional.ofNullable(suppression);
    }

    public boolean isSuppressed() {
        return suppression != null;
    }

    public Finding withSuppression(Suppression s) {
        return new Finding(ruleId, cwe, severity, message, location, enclosingMethod, flow, fingerprint, properties, s);
    }

    public Finding withFingerprint(String fp) {
        return new Finding(ruleId, cwe, severity, message, location, enclosingMethod, flow, fp, properties, suppression);
    }

    /** A copy with one more (or a replaced) property; values must be JSON-friendly (String, Number, Boolean, List, Map). */
    public Finding withProperty(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.put(key, value);
        return new Finding(ruleId, cwe, severity, message, location, enclosingMethod, flow, fingerprint, p, suppression);
    }
}
