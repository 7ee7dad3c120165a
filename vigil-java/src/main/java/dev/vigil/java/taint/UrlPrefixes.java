package dev.vigil.java.taint;

import java.util.Set;

/**
 * A constant prefix fixes where a URL points: "/account?next=" + input stays on this site, and
 * "https://api.example.com/v1/users/" + input stays on that host. Such values cannot redirect users
 * elsewhere or make the server call a host of the attacker's choosing.
 */
final class UrlPrefixes {

    private static final Set<String> REDIRECT_AND_SSRF = Set.of("java/open-redirect", "java/ssrf");

    private UrlPrefixes() {
    }

    static Set<String> safeFor(String value) {
        String prefix = value.startsWith("redirect:") ? value.substring("redirect:".length()) : value;
        if (prefix.startsWith("/") && !prefix.startsWith("//") && !prefix.startsWith("/\\") && prefix.length() > 1) {
            return REDIRECT_AND_SSRF;
        }
        int scheme = prefix.indexOf("://");
        if (scheme > 0 && prefix.substring(0, scheme).matches("[a-zA-Z][a-zA-Z0-9+.-]*")) {
            String rest = prefix.substring(scheme + 3);
            int slash = rest.indexOf('/');
            int query = rest.indexOf('?');
            int end = slash < 0 ? query : query < 0 ? slash : Math.min(slash, query);
            if (end > 0 && !rest.substring(0, end).contains("@")) {
                return REDIRECT_AND_SSRF;
            }
        }
        return Set.of();
    }
}
