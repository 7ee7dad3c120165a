package corpus.taint.ldap.jaxrs;

/** LDAP filter building with RFC 4515 escaping of the special characters. */
final class Filters {

    private Filters() {
    }

    static String memberFilter(String group, String user) {
        return "(&(cn=" + group + ")(member=uid=" + user + ",ou=people))";
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\5c");
                case '*' -> sb.append("\\2a");
                case '(' -> sb.append("\\28");
                case ')' -> sb.append("\\29");
                case '\0' -> sb.append("\\00");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
