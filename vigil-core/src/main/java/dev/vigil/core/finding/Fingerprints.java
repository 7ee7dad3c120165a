package dev.vigil.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable finding fingerprints. A fingerprint hashes the rule, the file, the enclosing method and the
 * sink text with whitespace removed, never the line number, so it survives edits elsewhere in the
 * file (and reformatting of the sink line itself).
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String ruleId, String file, String enclosingMethod, String sinkText) {
        String key = ruleId + '\u0000' + file + '\u0000' + enclosingMethod + '\u0000' + normalize(sinkText);
        return sha256(key).substring(0, 32);
    }

    /** Removes all whitespace and trailing comments so formatting changes do not change the fingerprint. */
    static String normalize(String code) {
        if (code == null) {
            return "";
        }
        String s = code;
        int comment = s.indexOf("//");
        if (comment >= 0 && !insideString(s, comment)) {
            s = s.substring(0, comment);
        }
        return s.replaceAll("\\s+", "");
    }

    private static boolean insideString(String s, int index) {
        boolean in = false;
        for (int i = 0; i < index; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in = !in;
            }
        }
        return in;
    }

    /**
     * Makes fingerprints unique within a result set: the second identical fingerprint (same rule, method
     * and sink text twice in one method) gets ":2" appended, the third ":3", in location order.
     */
    public static List<Finding> disambiguate(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            int n = seen.merge(f.fingerprint(), 1, Integer::sum);
            out.add(n == 1 ? f : f.withFingerprint(f.fingerprint() + ":" + n));
        }
        return out;
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
