package dev.vigil.java.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.constants.ConstantResolver;
import dev.vigil.java.constants.ValueSet;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * java/xxe: an XML parser that resolves external entities or DTDs is used to parse. Each parser object
 * is followed from its factory's creation ({@code newInstance()}, {@code XMLReaderFactory}, a project
 * helper returning a factory) through derived objects (DocumentBuilder, SAXParser, XMLReader,
 * Transformer) to the parsing call, collecting the hardening settings applied to that same object (a
 * local, or a field configured in the constructor) before the use. Reported on the first call that
 * parses; a factory whose origin is unknown (a parameter) is not judged.
 */
public final class XxeCheck implements JavaCheck {

    static final String RULE = "java/xxe";

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String ACCESS_DTD = "http://javax.xml.XMLConstants/property/accessExternalDTD";
    private static final String ACCESS_SCHEMA = "http://javax.xml.XMLConstants/property/accessExternalSchema";
    private static final String ACCESS_STYLESHEET = "http://javax.xml.XMLConstants/property/accessExternalStylesheet";
    private static final String SUPPORT_DTD = "javax.xml.stream.supportDTD";
    private static final String EXTERNAL_ENTITIES = "javax.xml.stream.isSupportingExternalEntities";

    private static final Set<String> SETTERS = Set.of("setFeature", "setAttribute", "setProperty");

    /** The kinds of XML objects, each with the factory family whose hardening rules apply to it. */
    enum Kind { DOM_FACTORY, DOM_BUILDER, SAX_FACTORY, SAX_PARSER, XML_READER, STAX_FACTORY, TRANSFORMER_FACTORY,
        TRANSFORMER, SCHEMA_FACTORY }

    private static final Map<String, Kind> FACTORIES = Map.of(
            "javax.xml.parsers.DocumentBuilderFactory", Kind.DOM_FACTORY,
            "javax.xml.parsers.SAXParserFactory", Kind.SAX_FACTORY,
            "javax.xml.stream.XMLInputFactory", Kind.STAX_FACTORY,
            "javax.xml.transform.TransformerFactory", Kind.TRANSFORMER_FACTORY,
            "javax.xml.transform.sax.SAXTransformerFactory", Kind.TRANSFORMER_FACTORY,
            "javax.xml.validation.SchemaFactory", Kind.SCHEMA_FACTORY);

    /** A parser object: its kind and the settings (name -> possible values) applied so far. */
    record Parser(Kind kind, Map<String, ValueSet> settings) {
        Parser derive(Kind k) {
            return new Parser(k, settings);
        }

        Parser with(String name, ValueSet value) {
            Map<String, ValueSet> m = new HashMap<>(settings);
            m.put(name, value);
            return new Parser(kind, m);
        }

        private boolean is(String name, Object value) {
            ValueSet v = settings.get(name);
            return v != null && v.complete() && !v.isUnknown()
                    && v.values().stream().allMatch(x -> value.equals(x) || String.valueOf(value).equals(x));
        }

        boolean hardened() {
            boolean dtdBlocked = is(ACCESS_DTD, "");
            return switch (kind) {
                case DOM_FACTORY, DOM_BUILDER, SAX_FACTORY, SAX_PARSER, XML_READER -> is(DISALLOW_DOCTYPE, true)
                        || is(GENERAL_ENTITIES, false) && is(PARAMETER_ENTITIES, false) || dtdBlocked;
                case STAX_FACTORY -> is(SUPPORT_DTD, false) || is(EXTERNAL_ENTITIES, false) || dtdBlocked;
                case TRANSFORMER_FACTORY, TRANSFORMER -> dtdBlocked && is(ACCESS_STYLESHEET, "");
                case SCHEMA_FACTORY -> dtdBlocked && is(ACCESS_SCHEMA, "");
            };
        }
    }

    private static final int MAX_DEPTH = 6;

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms) {
                    String name = ms.getIdentifier().toString();
                    TreePath receiver = receiverPath();
                    switch (name) {
                        case "parse" -> judge(this, receiver, Set.of(Kind.DOM_BUILDER, Kind.SAX_PARSER, Kind.XML_READER),
                                "parses XML");
                        case "createXMLStreamReader", "createXMLEventReader" -> judge(this, receiver,
                                Set.of(Kind.STAX_FACTORY), "creates a StAX reader");
                        case "transform" -> judge(this, receiver, Set.of(Kind.TRANSFORMER), "transforms XML");
                        case "newSchema" -> {
                            if (!call.getArguments().isEmpty()) {
                                judge(this, receiver, Set.of(Kind.SCHEMA_FACTORY), "loads a schema");
                            }
                        }
                        case "unmarshal" -> unmarshal(this, call);
                        default -> {
                            // not a parsing call
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    private static void judge(CheckScanner s, TreePath receiver, Set<Kind> kinds, String what) {
        if (receiver == null) {
            return;
        }
        Parser p = parser(s.constants, receiver, Long.MAX_VALUE, 0);
        if (p != null && kinds.contains(p.kind()) && !p.hardened()) {
            s.report(RULE, s.getCurrentPath(), "XML parser " + what + " with DTDs and external entities enabled:"
                    + " a document can read local files or reach internal hosts; set"
                    + " disallow-doctype-decl (or the equivalent for this factory) before parsing");
        }
    }

    /**
     * JAXB unmarshalling: a raw stream, file, reader or URL lets the provider choose an unhardened
     * parser; a SAXSource is judged by its XMLReader; a StAX reader was judged where it was created.
     */
    private static void unmarshal(CheckScanner s, MethodInvocationTree call) {
        TreePath receiver = s.receiverPath();
        String receiverType = receiver == null ? "" : s.typeOf(receiver);
        if (!receiverType.endsWith(".Unmarshaller") || call.getArguments().isEmpty()) {
            return;
        }
        TreePath source = s.pathOf(call.getArguments().get(0));
        String type = s.typeOf(source);
        ExpressionTree arg = CheckScanner.strip(call.getArguments().get(0));
        if (type.equals("javax.xml.transform.sax.SAXSource") && arg instanceof NewClassTree nc
                && nc.getArguments().size() == 2) {
            Parser reader = parser(s.constants, new TreePath(source, nc.getArguments().get(0)), Long.MAX_VALUE, 0);
            if (reader != null && !reader.hardened()) {
                s.report(RULE, s.getCurrentPath(), "JAXB unmarshals through an XMLReader that resolves external"
                        + " entities: harden the reader (disallow-doctype-decl) first");
            }
            return;
        }
        if (Set.of("java.io.InputStream", "java.io.File", "java.io.Reader", "java.net.URL", "org.xml.sax.InputSource",
                "javax.xml.transform.stream.StreamSource").contains(type) || arg instanceof NewClassTree n
                && n.getIdentifier().toString().equals("StreamSource")) {
            s.report(RULE, s.getCurrentPath(), "JAXB unmarshals a raw document with the provider's default parser:"
                    + " parse it with a hardened XMLInputFactory (SUPPORT_DTD false) and unmarshal the reader");
        }
    }

    /** The parser object the expression evaluates to, with settings applied before offset {@code limit}. */
    static Parser parser(ConstantResolver constants, TreePath path, long limit, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        ExpressionTree e = CheckScanner.strip((ExpressionTree) path.getLeaf());
        if (e != path.getLeaf()) {
            path = new TreePath(path, e);
        }
        ParsedUnit unit = constants.unitOf(path);
        if (unit == null) {
            return null;
        }
        if (e instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
            String name = ms.getIdentifier().toString();
            TreePath receiver = new TreePath(new TreePath(path, ms), ms.getExpression());
            if (name.startsWith("new") && (name.endsWith("Instance") || name.endsWith("Factory"))) {
                Kind k = FACTORIES.get(constants.typeOf(receiver));
                if (k != null) {
                    return new Parser(k, Map.of());
                }
            }
            if (name.equals("createXMLReader") && constants.typeOf(receiver).endsWith("XMLReaderFactory")) {
                return new Parser(Kind.XML_READER, Map.of());
            }
            Kind derived = switch (name) {
                case "newDocumentBuilder" -> Kind.DOM_BUILDER;
                case "newSAXParser" -> Kind.SAX_PARSER;
                case "getXMLReader" -> Kind.XML_READER;
                case "newTransformer" -> Kind.TRANSFORMER;
                default -> null;
            };
            if (derived != null) {
                Parser from = parser(constants, receiver, limit, depth + 1);
                return from == null ? null : from.derive(derived);
            }
        }
        if (e instanceof MethodInvocationTree) {
            return fromHelper(constants, path, depth);
        }
        if (e instanceof IdentifierTree || e instanceof MemberSelectTree) {
            return fromVariable(constants, path, limit, depth);
        }
        return null;
    }

    /** A project method returning a parser object: judged at its return, with its own settings applied. */
    private static Parser fromHelper(ConstantResolver constants, TreePath call, int depth) {
        ParsedUnit unit = constants.unitOf(call);
        if (!(unit.trees().getElement(call) instanceof ExecutableElement method)) {
            return null;
        }
        TreePath decl = unit.trees().getPath(method);
        if (decl == null || !(decl.getLeaf() instanceof MethodTree mt) || mt.getBody() == null) {
            return null;
        }
        List<TreePath> returns = dev.vigil.java.frontend.ReturnedExpressions.of(new TreePath(decl, mt.getBody()));
        if (returns.size() != 1) {
            return null;
        }
        TreePath r = returns.get(0);
        return parser(constants, r, constants.unitOf(r).startOffset(r.getLeaf()), depth + 1);
    }

    /**
     * A local or field holding a parser object: its initializer (or, for a field, the constructor's
     * assignment) with the setters called on it applied — in the method before {@code limit}, and for a
     * field also in constructors and initializer blocks.
     */
    private static Parser fromVariable(ConstantResolver constants, TreePath use, long limit, int depth) {
        ParsedUnit unit = constants.unitOf(use);
        Element var = unit.trees().getElement(use);
        if (var == null || !(var.getKind() == ElementKind.LOCAL_VARIABLE || var.getKind() == ElementKind.FIELD)) {
            return null;
        }
        long useAt = Math.min(limit, unit.startOffset(use.getLeaf()));
        if (var.getKind() == ElementKind.LOCAL_VARIABLE) {
            TreePath method = use;
            while (method != null && !(method.getLeaf() instanceof MethodTree)
                    && !(method.getLeaf() instanceof LambdaExpressionTree)) {
                method = method.getParentPath();
            }
            if (method == null) {
                return null;
            }
            List<TreePath> inits = initializers(unit, method, var);
            if (inits.size() != 1) {
                return null; // reassigned: which object reaches the use is unknown
            }
            Parser p = parser(constants, inits.get(0), useAt, depth + 1);
            return p == null ? null : applySettings(constants, method, var, useAt, p);
        }
        TreePath decl = unit.trees().getPath(var);
        if (decl == null) {
            return null;
        }
        TreePath classPath = decl.getParentPath();
        List<TreePath> inits = initializers(unit, classPath, var);
        if (inits.size() != 1) {
            return null;
        }
        Parser p = parser(constants, inits.get(0), Long.MAX_VALUE, depth + 1);
        if (p == null) {
            return null;
        }
        // Settings in constructors and initializer blocks happen before any method runs.
        for (com.sun.source.tree.Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
            boolean construction = member instanceof MethodTree m && m.getName().contentEquals("<init>")
                    || member instanceof com.sun.source.tree.BlockTree;
            if (construction) {
                p = applySettings(constants, new TreePath(classPath, member), var, Long.MAX_VALUE, p);
            }
        }
        TreePath method = use;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        return method == null ? p : applySettings(constants, method, var, useAt, p);
    }

    /** The expressions assigned to {@code var} in {@code scope}: its initializer and assignments. */
    private static List<TreePath> initializers(ParsedUnit unit, TreePath scope, Element var) {
        List<TreePath> out = new ArrayList<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree v, Void unused) {
                if (v.getInitializer() != null && var.equals(unit.trees().getElement(getCurrentPath()))) {
                    out.add(new TreePath(getCurrentPath(), v.getInitializer()));
                }
                return super.visitVariable(v, unused);
            }

            @Override
            public Void visitAssignment(com.sun.source.tree.AssignmentTree a, Void unused) {
                if (var.equals(unit.trees().getElement(new TreePath(getCurrentPath(), a.getVariable())))) {
                    out.add(new TreePath(getCurrentPath(), a.getExpression()));
                }
                return super.visitAssignment(a, unused);
            }
        }.scan(scope, null);
        return out;
    }

    /**
     * Applies setFeature/setAttribute/setProperty calls on {@code var} in {@code scope} before
     * {@code limit}, and those of project methods the object is handed to ({@code harden(factory)}).
     */
    private static Parser applySettings(ConstantResolver constants, TreePath scope, Element var, long limit,
                                        Parser start) {
        return applySettings(constants, scope, var, limit, start, 0);
    }

    private static Parser applySettings(ConstantResolver constants, TreePath scope, Element var, long limit,
                                        Parser start, int depth) {
        ParsedUnit unit = constants.unitOf(scope);
        Parser[] p = {start};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (unit.startOffset(call) >= limit) {
                    return super.visitMethodInvocation(call, unused);
                }
                if (call.getMethodSelect() instanceof MemberSelectTree ms
                        && SETTERS.contains(ms.getIdentifier().toString()) && call.getArguments().size() == 2
                        && var.equals(unit.trees().getElement(
                                new TreePath(new TreePath(getCurrentPath(), ms), ms.getExpression())))) {
                    ValueSet name = constants.resolve(new TreePath(getCurrentPath(), call.getArguments().get(0)));
                    ValueSet value = constants.resolve(new TreePath(getCurrentPath(), call.getArguments().get(1)));
                    if (name.single().orElse(null) instanceof String n) {
                        p[0] = p[0].with(n, value);
                    }
                } else if (depth < MAX_DEPTH) {
                    for (int i = 0; i < call.getArguments().size(); i++) {
                        if (var.equals(unit.trees().getElement(new TreePath(getCurrentPath(), call.getArguments().get(i))))
                                && unit.trees().getElement(getCurrentPath()) instanceof ExecutableElement helper
                                && i < helper.getParameters().size()) {
                            TreePath decl = unit.trees().getPath(helper);
                            if (decl != null && decl.getLeaf() instanceof MethodTree mt && mt.getBody() != null) {
                                p[0] = applySettings(constants, decl, helper.getParameters().get(i), Long.MAX_VALUE,
                                        p[0], depth + 1);
                            }
                        }
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(scope, null);
        return p[0];
    }
}
