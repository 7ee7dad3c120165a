package dev.vigil.java.fix;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compile errors that only say a dependency is missing from the classpath Vigil could resolve. When the
 * project's own code already fails to find packages of a library (its jars are not in the local Maven
 * repository), a fix that imports another package of the same library (Spring's {@code HtmlUtils} in a
 * Spring project) fails the same way; that is not something the fix broke.
 */
final class MissingPackages {

    private static final Pattern DOES_NOT_EXIST = Pattern.compile("compiler\\.err\\.doesnt\\.exist: package (\\S+) does not exist");
    private static final Pattern CANNOT_FIND = Pattern.compile(
            "(?s)compiler\\.err\\.cant\\.resolve\\S*: cannot find symbol.*symbol:\\s+(?:class|variable) (\\w+).*");

    private MissingPackages() {
    }

    /** The packages the errors say do not exist. */
    static Set<String> of(Set<String> errors) {
        Set<String> out = new HashSet<>();
        for (String e : errors) {
            Matcher m = DOES_NOT_EXIST.matcher(e);
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Whether an error is explained by the missing packages: a package of the same library (the same
     * first two name segments, such as {@code org.springframework}) does not exist either, or the symbol
     * not found is a type the file imports from such a package.
     */
    static boolean explains(String error, Set<String> missing, String fileText) {
        Matcher m = DOES_NOT_EXIST.matcher(error);
        if (m.matches()) {
            return sameLibrary(m.group(1), missing);
        }
        Matcher c = CANNOT_FIND.matcher(error);
        if (c.matches() && fileText != null) {
            Matcher imp = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\." + Pattern.quote(c.group(1)) + "\\s*;")
                    .matcher(fileText);
            while (imp.find()) {
                if (sameLibrary(imp.group(1), missing)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameLibrary(String pkg, Set<String> missing) {
        String library = prefix(pkg);
        return library != null && missing.stream().anyMatch(p -> library.equals(prefix(p)));
    }

    /** The first two segments of a package name, or null for a package with fewer. */
    private static String prefix(String pkg) {
        int first = pkg.indexOf('.');
        int second = first < 0 ? -1 : pkg.indexOf('.', first + 1);
        return first < 0 ? null : second < 0 ? pkg : pkg.substring(0, second);
    }
}
