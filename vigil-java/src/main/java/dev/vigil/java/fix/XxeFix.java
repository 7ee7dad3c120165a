package dev.vigil.java.fix;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/xxe: the factory (or reader) the parser comes from is hardened before the parser is created
 * (right before the statement that creates it, after any earlier configuration, so a feature switched
 * the wrong way earlier is overridden). The factory is a local or parameter at the root of the parse
 * call's receiver chain, also through locals holding the builder, parser or transformer made from it.
 * <ul>
 * <li>DocumentBuilderFactory and SAXParserFactory disallow DOCTYPE declarations; so does an XMLReader
 * (from XMLReaderFactory or a parser) with {@code setFeature} on the reader itself.</li>
 * <li>XMLInputFactory turns off DTDs and external entities.</li>
 * <li>TransformerFactory gets {@code ACCESS_EXTERNAL_DTD} and {@code ACCESS_EXTERNAL_STYLESHEET} set to
 * "", SchemaFactory {@code ACCESS_EXTERNAL_DTD} and {@code ACCESS_EXTERNAL_SCHEMA}.</li>
 * <li>A JAXB Unmarshaller reading a stream reads it through a hardened XMLStreamReader.</li>
 * </ul>
 * A checked exception the hardening throws that the method neither declares nor catches is wrapped in
 * a try/catch that rethrows it as IllegalStateException (a parser without these features is a
 * configuration error, not an input error).
 */
final class XxeFix implements FixRecipe {

    private static final String DISALLOW_DOCTYPE = "\"http://apache.org/xml/features/disallow-doctype-decl\"";

    /** Hardening statements per factory type ("%s" is the factory variable, "%X" XMLConstants), and the exception they need. */
    private record Hardening(List<String> statements, String exception) {
    }

    private static final Map<String, Hardening> HARDENING = Map.of(
            "javax.xml.parsers.DocumentBuilderFactory",
            new Hardening(List.of("%s.setFeature(" + DISALLOW_DOCTYPE + ", true);"),
                    "javax.xml.parsers.ParserConfigurationException"),
            "javax.xml.parsers.SAXParserFactory",
            new Hardening(List.of("%s.setFeature(" + DISALLOW_DOCTYPE + ", true);"), "org.xml.sax.SAXException"),
            "org.xml.sax.XMLReader",
            new Hardening(List.of("%s.setFeature(" + DISALLOW_DOCTYPE + ", true);"), "org.xml.sax.SAXException"),
            "javax.xml.stream.XMLInputFactory",
            new Hardening(List.of("%s.setProperty(\"javax.xml.stream.supportDTD\", false);",
                    "%s.setProperty(\"javax.xml.stream.isSupportingExternalEntities\", false);"), null),
            "javax.xml.transform.TransformerFactory",
            new Hardening(List.of("%s.setAttribute(%X.ACCESS_EXTERNAL_DTD, \"\");",
                    "%s.setAttribute(%X.ACCESS_EXTERNAL_STYLESHEET, \"\");"), null),
            "javax.xml.validation.SchemaFactory",
            new Hardening(List.of("%s.setProperty(%X.ACCESS_EXTERNAL_DTD, \"\");",
                    "%s.setProperty(%X.ACCESS_EXTERNAL_SCHEMA, \"\");"), "org.xml.sax.SAXException"));

    /** Where the parser is made: the factory variable and the statement before which it is hardened. */
    private record Origin(IdentifierTree factory, TreePath factoryPath, TreePath before) {
    }

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/xxe");
    }

    @Override
    public FixProposal propose(FixSite site) {
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (stmt == null || method == null) {
            return site.notFixable("no statement before the parse to harden the factory in");
        }
        if (site.sink().getLeaf() instanceof MethodInvocationTree call
                && CallTarget.of(site.unit(), site.sink()).is("javax.xml.bind.Unmarshaller", "unmarshal")) {
            return unmarshal(site, call, stmt, method);
        }
        Origin origin = originOf(site, stmt);
        if (origin == null) {
            return site.notFixable("the parser does not come from a factory or XMLReader held in a local variable or"
                    + " parameter of this method");
        }
        String type = CallTarget.typeOf(site.unit(), origin.factoryPath());
        Hardening h = HARDENING.get(type);
        if (h == null || origin.before() == null || !site.startsLine(site.start(origin.before().getLeaf()))) {
            return site.notFixable("no statement of its own before the parser is created to harden the factory in");
        }
        List<Edit> edits = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String factory;
        String declaration = null;
        if (origin.factory() != null) {
            factory = origin.factory().getName().toString();
        } else {
            // A factory created inline: it becomes a local so that it can be configured before use.
            factory = freshName(site, origin.before(), "factory");
            Tree creation = origin.factoryPath().getLeaf();
            declaration = site.typeName(type, edits) + " " + factory + " = " + site.source(creation) + ";";
            edits.add(Edit.replace(site.start(creation), site.end(creation), factory));
        }
        for (String s : h.statements()) {
            String line = s.replace("%s", factory);
            if (line.contains("%X")) {
                line = line.replace("%X", site.typeName("javax.xml.XMLConstants", edits));
            }
            lines.add(line);
        }
        insert(site, origin.before(), declaration, lines, h.exception(), edits);
        return site.edits("XML " + type.substring(type.lastIndexOf('.') + 1)
                + " hardened (no DOCTYPE / external entities or resources)", edits);
    }

    /** {@code unmarshaller.unmarshal(stream)} reads through an XMLStreamReader with DTDs and external entities off. */
    private static FixProposal unmarshal(FixSite site, MethodInvocationTree call, TreePath stmt, TreePath method) {
        if (call.getArguments().size() != 1) {
            return site.notFixable("unmarshal with more than one argument");
        }
        ExpressionTree source = call.getArguments().get(0);
        String type = CallTarget.typeOf(site.unit(), new TreePath(site.sink(), source));
        if (!type.equals("java.io.InputStream") && !type.equals("java.io.Reader")) {
            return site.notFixable("the unmarshalled source is a " + type + ", not a stream this fix can read through"
                    + " a hardened XMLStreamReader");
        }
        if (!site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("the unmarshal call shares its line with other code");
        }
        List<Edit> edits = new ArrayList<>();
        String xif = site.typeName("javax.xml.stream.XMLInputFactory", edits);
        String name = site.freshName("xmlInput");
        String indent = site.indentation(site.start(stmt.getLeaf()));
        String sep = site.lineSeparator();
        edits.add(Edit.insert(site.start(stmt.getLeaf()), xif + " " + name + " = " + xif + ".newInstance();" + sep
                + indent + name + ".setProperty(" + xif + ".SUPPORT_DTD, false);" + sep
                + indent + name + ".setProperty(" + xif + ".IS_SUPPORTING_EXTERNAL_ENTITIES, false);" + sep + indent));
        if (!handled(site, site.sink(), (MethodTree) method.getLeaf(), "javax.xml.stream.XMLStreamException")) {
            return site.notFixable("the method neither declares nor catches XMLStreamException, which reading"
                    + " through an XMLStreamReader throws");
        }
        edits.add(Edit.replace(site.start(source), site.end(source),
                name + ".createXMLStreamReader(" + site.source(source) + ")"));
        return site.edits("JAXB reads through an XMLStreamReader without DTDs or external entities", edits);
    }

    /** A local name unused in the method holding {@code at}. */
    private static String freshName(FixSite site, TreePath at, String base) {
        Tree scope = site.enclosingMethod(at).map(TreePath::getLeaf).orElse(site.unit().tree());
        String text = site.source(scope);
        String name = base;
        for (int n = 2; java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(text).find(); n++) {
            name = base + n;
        }
        return name;
    }

    /**
     * Inserts the factory's declaration (if new) and the hardening lines before {@code before}, the
     * hardening wrapped when its checked exception is not handled there.
     */
    private static void insert(FixSite site, TreePath before, String declaration, List<String> lines, String exception,
                               List<Edit> edits) {
        int at = site.start(before.getLeaf());
        String indent = site.indentation(at);
        String sep = site.lineSeparator();
        MethodTree method = (MethodTree) site.enclosingMethod(before).orElseThrow().getLeaf();
        StringBuilder text = new StringBuilder();
        if (declaration != null) {
            text.append(declaration).append(sep).append(indent);
        }
        if (exception == null || handled(site, before, method, exception)) {
            for (String line : lines) {
                text.append(line).append(sep).append(indent);
            }
        } else {
            String unit = indent.contains("\t") ? "\t" : "    ";
            String e = freshName(site, before, "e");
            text.append("try {").append(sep);
            for (String line : lines) {
                text.append(indent).append(unit).append(line).append(sep);
            }
            text.append(indent).append("} catch (").append(site.typeName(exception, edits)).append(' ').append(e)
                    .append(") {").append(sep)
                    .append(indent).append(unit).append("throw new IllegalStateException(\"the XML parser cannot be"
                            + " hardened against external entities\", ").append(e).append(");").append(sep)
                    .append(indent).append('}').append(sep).append(indent);
        }
        edits.add(Edit.insert(at, text.toString()));
    }

    /**
     * The factory at the root of the statement's parse chain: a local or parameter, or a factory
     * created inline by a static call (then held in a new local). The chain is followed through locals
     * and through a field holding what the factory made (a builder, parser, reader or transformer)
     * when the field is assigned once, in a statement of this class; the hardening then goes before
     * the statement that made it.
     */
    private static Origin originOf(FixSite site, TreePath stmt) {
        TreePath before = stmt;
        TreePath path = site.sink();
        for (int depth = 0; depth < 6; depth++) {
            Tree t = path.getLeaf();
            while (t instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
                TreePath receiver = new TreePath(new TreePath(path, ms), ms.getExpression());
                if (ms.getExpression() instanceof MethodInvocationTree inner && isFactory(site, receiver)
                        && site.element(inner) != null
                        && site.element(inner).getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
                    return before == null ? null : new Origin(null, receiver, before);
                }
                path = receiver;
                t = ms.getExpression();
            }
            if (!(t instanceof IdentifierTree || t instanceof MemberSelectTree)) {
                return null;
            }
            Element el = site.element((ExpressionTree) t);
            if (el == null) {
                return null;
            }
            String type = CallTarget.typeOf(site.unit(), path);
            if (el.getKind() == ElementKind.FIELD) {
                if (isFactory(site, path)) {
                    return null; // a shared factory field: hardening it here would race with other users
                }
                TreePath assignment = singleAssignment(site, el);
                if (assignment == null) {
                    return null;
                }
                before = site.enclosingStatement(assignment).orElse(null);
                path = new TreePath(assignment, ((AssignmentTree) assignment.getLeaf()).getExpression());
                continue;
            }
            if (!(t instanceof IdentifierTree id)
                    || !(el.getKind() == ElementKind.LOCAL_VARIABLE || el.getKind() == ElementKind.PARAMETER)) {
                return null;
            }
            if (isFactory(site, path)) {
                return before == null ? null : new Origin(id, path, before);
            }
            TreePath method = site.enclosingMethod(path).orElse(null);
            VariableTree decl = el.getKind() == ElementKind.LOCAL_VARIABLE && method != null
                    ? Locals.declaration(site, method.getLeaf(), el) : null;
            if (type.equals("org.xml.sax.XMLReader")) {
                // The reader itself takes the feature, before the parse, unless a factory variable made it.
                Origin inner = decl != null && decl.getInitializer() != null ? deeper(site, decl) : null;
                return inner != null ? inner : new Origin(id, path, before);
            }
            if (decl == null || decl.getInitializer() == null || Locals.assigned(site, method.getLeaf(), el)) {
                return null;
            }
            TreePath declPath = site.path(decl);
            if (declPath == null || site.enclosingStatement(declPath).isEmpty()) {
                return null;
            }
            before = site.enclosingStatement(declPath).get();
            path = new TreePath(declPath, decl.getInitializer());
        }
        return null;
    }

    /** Whether the expression at {@code path} is a factory this fix hardens (not a reader). */
    private static boolean isFactory(FixSite site, TreePath path) {
        String type = CallTarget.typeOf(site.unit(), path);
        return HARDENING.containsKey(type) && !type.equals("org.xml.sax.XMLReader");
    }

    /**
     * The one assignment {@code field = expr} (or {@code this.field = expr}) of a private field without
     * an initializer, as an expression statement of this file; null otherwise.
     */
    private static TreePath singleAssignment(FixSite site, Element field) {
        Tree decl = site.unit().trees().getTree(field);
        if (!(decl instanceof VariableTree v) || v.getInitializer() != null
                || !field.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
            return null;
        }
        List<TreePath> found = new ArrayList<>();
        new com.sun.source.util.TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                if (field.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), node.getVariable())))) {
                    found.add(getCurrentPath());
                }
                return super.visitAssignment(node, unused);
            }
        }.scan(new TreePath(site.unit().tree()), null);
        if (found.size() != 1 || !(found.get(0).getParentPath().getLeaf() instanceof com.sun.source.tree.ExpressionStatementTree)) {
            return null;
        }
        return found.get(0);
    }

    /** The factory a reader's initializer is made from, if it is a named local. */
    private static Origin deeper(FixSite site, VariableTree decl) {
        TreePath declPath = site.path(decl);
        if (declPath == null) {
            return null;
        }
        TreePath path = new TreePath(declPath, decl.getInitializer());
        Tree t = decl.getInitializer();
        while (t instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
            path = new TreePath(new TreePath(path, ms), ms.getExpression());
            t = ms.getExpression();
        }
        if (t instanceof IdentifierTree id && site.element(id) != null
                && site.element(id).getKind() == ElementKind.LOCAL_VARIABLE && isFactory(site, path)) {
            return new Origin(id, path, site.enclosingStatement(declPath).orElse(null));
        }
        return null;
    }

    /** Whether the method declares the exception (or a supertype) or a try around {@code at} catches it. */
    private static boolean handled(FixSite site, TreePath at, MethodTree m, String exception) {
        String simple = exception.substring(exception.lastIndexOf('.') + 1);
        for (Tree t : m.getThrows()) {
            if (covers(t.toString(), simple)) {
                return true;
            }
        }
        for (TreePath p = at; p != null && p.getLeaf() != m; p = p.getParentPath()) {
            if (p.getParentPath() != null && p.getParentPath().getLeaf() instanceof TryTree tt && tt.getBlock() == p.getLeaf()) {
                for (CatchTree c : tt.getCatches()) {
                    Tree type = c.getParameter().getType();
                    List<? extends Tree> alts = type instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(type);
                    for (Tree alt : alts) {
                        if (covers(alt.toString(), simple)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean covers(String declared, String simple) {
        String s = declared.substring(declared.lastIndexOf('.') + 1);
        return s.equals(simple) || s.equals("Exception") || s.equals("Throwable")
                || simple.equals("XMLStreamException") && s.equals("XMLStreamException");
    }
}
