package dev.vigil.java.fix;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * java/xss: the values written into HTML are HTML-encoded at the sink with an encoder the project
 * already has (OWASP Java Encoder, Spring's HtmlUtils, Commons Text), so markup written by the code
 * itself stays markup. In a concatenation only the spliced values are encoded; a {@code printf} or
 * {@code format} call encodes its arguments, not its format. A value that is itself HTML built
 * elsewhere is not encoded here: that would break the page for safe inputs.
 */
final class XssFix implements FixRecipe {

    private static final Set<String> FORMATTING = Set.of("printf", "format");

    /** An HTML encoder: the class to import and the static method. */
    record Encoder(String type, String method) {
    }

    private final Encoder encoder;

    /** @param encoder the project's encoder, or null when it has none (then a private helper is added) */
    XssFix(Encoder encoder) {
        this.encoder = encoder;
    }

    /** The first HTML encoder the project's sources or build files mention. */
    static Encoder detect(String projectText) {
        if (projectText.contains("org.owasp.encoder")) {
            return new Encoder("org.owasp.encoder.Encode", "forHtml");
        }
        if (projectText.contains("org.apache.commons.text")) {
            return new Encoder("org.apache.commons.text.StringEscapeUtils", "escapeHtml4");
        }
        if (projectText.contains("org.springframework.web") || projectText.contains("spring-boot-starter-web")
                || projectText.contains("spring-web")) {
            return new Encoder("org.springframework.web.util.HtmlUtils", "htmlEscape");
        }
        return null;
    }

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/xss");
    }

    @Override
    public FixProposal propose(FixSite site) {
        Tree leaf = site.sink().getLeaf();
        List<ExpressionTree> values = new ArrayList<>();
        if (leaf instanceof MethodInvocationTree call) {
            String name = call.getMethodSelect() instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : "";
            List<? extends ExpressionTree> args = call.getArguments();
            if (FORMATTING.contains(name)) {
                int first = !args.isEmpty() && !isTextual(site, args.get(0)) ? 2 : 1; // format(Locale, fmt, ...)
                for (int i = first; i < args.size(); i++) {
                    values.add(args.get(i));
                }
            } else if (args.size() == 1 || args.size() == 3 && isArray(site, args.get(0)) && whole(site, args)) {
                values.add(args.get(0)); // write(x), write(chars, 0, chars.length)
            } else if (args.size() == 3 && isArray(site, args.get(0))) {
                return site.notFixable("the sink writes a range of characters or bytes: encoding changes the length");
            } else {
                return site.notFixable("the sink writes characters or bytes, not text that can be encoded here");
            }
        } else if (leaf instanceof ExpressionTree e) {
            values.add(e);
        } else {
            return site.notFixable("no written value found at the sink");
        }
        Encoding encoding = new Encoding(site);
        for (ExpressionTree value : values) {
            String problem = encodeWritten(site, value, encoding);
            if (problem != null) {
                return site.notFixable(problem);
            }
        }
        if (encoding.count == 0) {
            return site.notFixable("no value to encode at the sink");
        }
        return site.edits("HTML-encoded with " + encoding.by(), encoding.edits);
    }

    /** Encodes a written value: its spliced parts, or where it is built when it is HTML made in this method. */
    private String encodeWritten(FixSite site, ExpressionTree value, Encoding encoding) {
        ExpressionTree inner = SqlTemplate.isConcatenation(site, value) ? value : Splices.unwrap(value);
        if (SqlTemplate.isConcatenation(site, inner)) {
            return encodeParts(site, inner, encoding);
        }
        TypeMirror t = site.type(inner);
        if (t != null && t.getKind() == TypeKind.ARRAY) {
            return encodeConverted(site, inner, encoding);
        }
        ExpressionTree builder = builder(site, inner);
        if (builder != null) {
            TreePath method = site.enclosingMethod(site.sink()).orElse(null);
            if (method == null || MARKUP.matcher(site.source(method.getLeaf())).find()) {
                ExpressionTree root = builder;
                while (root instanceof MethodInvocationTree c && c.getMethodSelect() instanceof MemberSelectTree m) {
                    root = m.getExpression();
                }
                return "the written value is HTML built in " + site.source(root).strip()
                        + "; encode the values where they are appended";
            }
        }
        if (inner instanceof IdentifierTree id && site.element(id) != null
                && site.element(id).getKind() == ElementKind.LOCAL_VARIABLE) {
            Definitions defs = definitions(site, site.element(id));
            if (defs == null) {
                return "the written value is HTML built elsewhere; encode the values where it is built";
            }
            if (defs.loopVariable()) {
                // An element of a collection: text, unless this method puts markup somewhere.
                TreePath method = site.enclosingMethod(site.sink()).orElse(null);
                if (method != null && MARKUP.matcher(site.source(method.getLeaf())).find()) {
                    return "the written value is an element of a collection that may hold HTML built in this method;"
                            + " encode the values where they are added";
                }
            } else if (defs.markup()) {
                for (ExpressionTree d : defs.expressions()) {
                    String problem = encodeParts(site, d, encoding);
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
        }
        return encodeParts(site, inner, encoding);
    }

    /** The builder of {@code sb.toString()} on a StringBuilder, StringBuffer or StringWriter, else null. */
    private static ExpressionTree builder(FixSite site, ExpressionTree e) {
        if (!(e instanceof MethodInvocationTree call) || !call.getArguments().isEmpty()
                || !(call.getMethodSelect() instanceof MemberSelectTree ms) || !ms.getIdentifier().contentEquals("toString")) {
            return null;
        }
        TypeMirror t = site.type(ms.getExpression());
        return t != null && t.toString().matches("java\\.(lang\\.StringBuilder|lang\\.StringBuffer|io\\.StringWriter)")
                ? ms.getExpression() : null;
    }

    /** Encodes each non-constant part of a concatenation (or the value itself when it is not one). */
    private String encodeParts(FixSite site, ExpressionTree value, Encoding encoding) {
        List<ExpressionTree> parts = new ArrayList<>();
        if (SqlTemplate.isConcatenation(site, value)) {
            spliced(site, value, parts);
        } else if (Constants.value(site.unit(), value) == null) {
            parts.add(value);
        }
        for (ExpressionTree part : parts) {
            if (constant(site, part) || encoded(part)) {
                continue;
            }
            TypeMirror t = site.type(part);
            if (t != null && t.getKind().isPrimitive() && t.getKind() != TypeKind.CHAR) {
                continue; // numbers and booleans print no markup; a char can be '<'
            }
            if (t != null && t.getKind() == TypeKind.ARRAY) {
                return "the sink writes characters or bytes, not text that can be encoded here";
            }
            if (returnsHtml(site, part)) {
                return "the written value is HTML made by " + site.source(part).strip()
                        + "; encode the values where that method builds it";
            }
            if (Splices.unwrap(part) instanceof IdentifierTree id && site.element(id) != null
                    && site.element(id).getKind() == ElementKind.LOCAL_VARIABLE) {
                Definitions defs = definitions(site, site.element(id));
                if (defs == null || defs.markup()) {
                    return "the written value splices " + id + ", HTML built elsewhere; encode the values where it is built";
                }
            }
            if (!encoding.encode(part)) {
                return "the project has no HTML encoder and the file no class to add an escaping helper to";
            }
        }
        return null;
    }

    /** {@code text.toCharArray()} or {@code text.getBytes(…)}: the String is encoded before it is converted. */
    private String encodeConverted(FixSite site, ExpressionTree array, Encoding encoding) {
        ExpressionTree conversion = array;
        if (array instanceof IdentifierTree id && site.element(id) != null
                && site.element(id).getKind() == ElementKind.LOCAL_VARIABLE) {
            Definitions defs = definitions(site, site.element(id));
            if (defs == null || defs.loopVariable() || defs.expressions().size() != 1) {
                return "the sink writes characters or bytes that are not visibly converted from a String here";
            }
            conversion = Splices.unwrap(defs.expressions().get(0));
        }
        if (conversion instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms
                && (ms.getIdentifier().contentEquals("toCharArray") || ms.getIdentifier().contentEquals("getBytes"))
                && site.isString(ms.getExpression())) {
            return encodeParts(site, ms.getExpression(), encoding);
        }
        return "the sink writes characters or bytes that are not visibly converted from a String here";
    }

    /** Where a local gets its value in this method. */
    private record Definitions(List<ExpressionTree> expressions, boolean loopVariable, boolean markup) {
    }

    /**
     * The initializer and the assigned values of a local ({@code x = …} and {@code x += …}), and whether any
     * of them writes markup; null when the local is not declared in the method or gets a value otherwise.
     */
    private static Definitions definitions(FixSite site, Element local) {
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        VariableTree decl = method == null ? null : Locals.declaration(site, method.getLeaf(), local);
        if (decl == null) {
            return null;
        }
        TreePath declPath = site.path(decl);
        if (declPath != null && declPath.getParentPath().getLeaf() instanceof EnhancedForLoopTree) {
            return new Definitions(List.of(), true, false);
        }
        List<ExpressionTree> defs = new ArrayList<>();
        if (decl.getInitializer() != null) {
            defs.add(decl.getInitializer());
        }
        boolean[] other = new boolean[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                if (local.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), node.getVariable())))) {
                    defs.add(node.getExpression());
                }
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
                if (local.equals(site.unit().trees().getElement(new TreePath(getCurrentPath(), node.getVariable())))) {
                    if (node.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
                        defs.add(node.getExpression());
                    } else {
                        other[0] = true;
                    }
                }
                return super.visitCompoundAssignment(node, unused);
            }
        }.scan(method, null);
        if (other[0] || defs.isEmpty()) {
            return null;
        }
        boolean markup = defs.stream().anyMatch(d -> site.source(d).contains("<"));
        return new Definitions(defs, false, markup);
    }

    /** The encoder calls being written: the project's encoder, or a private helper added to the class. */
    private final class Encoding {
        final FixSite site;
        final List<Edit> edits = new ArrayList<>();
        String call;
        int count;

        Encoding(FixSite site) {
            this.site = site;
        }

        /** False when there is no encoder and no class to add the helper to. */
        boolean encode(ExpressionTree part) {
            if (call == null) {
                call = encoder != null ? site.typeName(encoder.type(), edits) + "." + encoder.method()
                        : HelperMethods.ensure(site, "escapeHtml", HELPER, edits);
                if (call == null) {
                    return false;
                }
            }
            String text = site.source(part);
            String arg = site.isString(part) ? text : "String.valueOf(" + text + ")";
            Edit e = Edit.replace(site.start(part), site.end(part), call + "(" + arg + ")");
            if (!edits.contains(e)) {
                edits.add(e);
            }
            count++;
            return true;
        }

        String by() {
            return encoder != null ? simple(encoder.type()) + "." + encoder.method() : "a private " + call + " helper";
        }
    }

    private static final List<String> HELPER = List.of(
            "/** HTML-encodes text for element content and quoted attribute values. */",
            "private static String NAME(String text) {",
            "    if (text == null) {",
            "        return null;",
            "    }",
            "    return text.replace(\"&\", \"&amp;\").replace(\"<\", \"&lt;\").replace(\">\", \"&gt;\").replace(\"\\\"\", \"&quot;\")",
            "            .replace(\"'\", \"&#39;\");",
            "}");

    /** HTML encoders by name (OWASP, ESAPI, Spring, Commons, the helper this fix adds): not encoded twice. */
    private static final java.util.regex.Pattern ENCODED = java.util.regex.Pattern.compile(
            "htmlEscape[A-Za-z]*|escapeHtml[0-9]?|forHtml[A-Za-z]*|encodeForHTML[A-Za-z]*|escapeXml[0-9]*");

    /** A call of an HTML encoder already. */
    private static boolean encoded(ExpressionTree e) {
        return Splices.unwrap(e) instanceof MethodInvocationTree call
                && ENCODED.matcher(call.getMethodSelect().toString().replaceAll(".*\\.", "")).matches();
    }

    /** {@code write(a, 0, a.length)}: the whole array, so a longer encoded array is written whole too. */
    private static boolean whole(FixSite site, List<? extends ExpressionTree> args) {
        return Integer.valueOf(0).equals(Constants.value(site.unit(), args.get(1)))
                && Splices.unwrap(args.get(2)) instanceof MemberSelectTree len && len.getIdentifier().contentEquals("length")
                && site.source(len.getExpression()).equals(site.source(args.get(0)));
    }

    private static boolean isArray(FixSite site, ExpressionTree e) {
        TypeMirror t = site.type(e);
        return t != null && t.getKind() == TypeKind.ARRAY;
    }


    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static boolean isTextual(FixSite site, ExpressionTree e) {
        TypeMirror t = site.type(e);
        return site.isString(e) || e instanceof LiteralTree || t == null || t.getKind() == TypeKind.ERROR;
    }

    private static boolean constant(FixSite site, ExpressionTree e) {
        return e instanceof LiteralTree || Constants.string(site.unit(), e).isPresent();
    }

    /** The non-literal operands of a concatenation, in order. */
    private static void spliced(FixSite site, ExpressionTree e, List<ExpressionTree> out) {
        ExpressionTree inner = e;
        while (inner instanceof ParenthesizedTree p) {
            inner = p.getExpression();
        }
        if (inner instanceof BinaryTree b && SqlTemplate.isConcatenation(site, inner)) {
            spliced(site, b.getLeftOperand(), out);
            spliced(site, b.getRightOperand(), out);
        } else {
            out.add(e);
        }
    }

    /** Whether a value is the result of a project method whose code writes markup (a literal holding "<"). */
    private static boolean returnsHtml(FixSite site, ExpressionTree e) {
        if (!(e instanceof MethodInvocationTree)) {
            return false;
        }
        Element el = site.element(e);
        if (!(el instanceof javax.lang.model.element.ExecutableElement)) {
            return false;
        }
        Tree body = site.unit().trees().getTree(el);
        return body != null && MARKUP.matcher(body.toString()).find();
    }

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("\"[^\"\n]*<[^\"\n]*\"");
}
