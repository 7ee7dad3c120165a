package dev.vigil.java.frontend;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Qualified names of types, including types javac could not resolve because the project's jars are
 * missing: javac keeps their simple (or as-written) name, which the file's imports turn back into
 * a qualified name.
 */
public final class TypeNames {

    private TypeNames() {
    }

    /** The erased qualified name of a type ("java.lang.String", "int", "byte[]"), or "" when unknown. */
    public static String qualified(TypeMirror type, ParsedUnit unit) {
        if (type == null) {
            return "";
        }
        return switch (type.getKind()) {
            case ARRAY -> {
                String c = qualified(((ArrayType) type).getComponentType(), unit);
                yield c.isEmpty() ? "" : c + "[]";
            }
            case ERROR -> fromWritten(((ErrorType) type).asElement(), type.toString(), unit);
            case DECLARED -> {
                Element e = ((DeclaredType) type).asElement();
                yield e instanceof TypeElement te ? te.getQualifiedName().toString() : type.toString();
            }
            case TYPEVAR -> qualified(((TypeVariable) type).getUpperBound(), unit);
            case INTERSECTION, UNION -> type.toString();
            case NONE, NULL, OTHER, EXECUTABLE, PACKAGE, MODULE, WILDCARD -> "";
            default -> type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID ? type.toString() : "";
        };
    }

    private static String fromWritten(Element element, String written, ParsedUnit unit) {
        String name = written;
        int generic = name.indexOf('<');
        if (generic >= 0) {
            name = name.substring(0, generic);
        }
        if (element instanceof TypeElement te && !te.getQualifiedName().isEmpty()) {
            name = te.getQualifiedName().toString();
        }
        if (name.contains("<any>")) {
            return ""; // javac's placeholder for a type it could not determine at all
        }
        return resolveWritten(name, unit);
    }

    /**
     * A simple name under star imports: a package that has the class wins; otherwise the first imported
     * package the compiler does not know (its jar is missing, so the unresolved class is likely there).
     */
    private static String fromStarImports(String name, ParsedUnit unit) {
        javax.lang.model.util.Elements elements = unit.task().getElements();
        String firstUnknown = null;
        for (String pkg : unit.starImports()) {
            if (elements.getTypeElement(pkg + "." + name) != null) {
                return pkg + "." + name;
            }
            if (firstUnknown == null && elements.getPackageElement(pkg) == null) {
                firstUnknown = pkg;
            }
        }
        if (firstUnknown != null) {
            return firstUnknown + "." + name;
        }
        String own = unit.packageName();
        return own.isEmpty() ? name : own + "." + name;
    }

    /**
     * Resolves a type name as written in source: a qualified name is kept; a simple name goes through the
     * file's single-type imports, then well-known packages of star imports; otherwise it is assumed to be
     * in the file's own package.
     */
    public static String resolveWritten(String name, ParsedUnit unit) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String imported = unit.importedType(first);
        if (imported != null) {
            return dot < 0 ? imported : imported + name.substring(dot);
        }
        if (dot >= 0 && Character.isLowerCase(first.charAt(0))) {
            return name;
        }
        if (dot < 0 && !unit.starImports().isEmpty()) {
            return fromStarImports(name, unit);
        }
        String pkg = unit.packageName();
        return pkg.isEmpty() ? name : pkg + "." + name;
    }
}
