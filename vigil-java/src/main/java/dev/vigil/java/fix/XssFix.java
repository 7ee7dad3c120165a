package dev.vigil.java.fix;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
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

    /** @param encoder the project's encoder, or null when it has none (then nothing is fixed) */
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
        if (encoder == null) {
            return site.notFixable("the project has no HTML encoder (OWASP Java Encoder, Spring HtmlUtils or Commons"
                    + " Text): add one and run vigil fix again");
        }
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
            } else if (args.size() == 1) {
                values.add(args.get(0));
            } else {
                return site.notFixable("the sink writes characters or bytes, not text that can be encoded here");
            }
        } else if (leaf instanceof ExpressionTree e) {
            values.add(e);
        } else {
            return site.notFixable("no written value found at the sink");
        }
        List<Edit> edits = new ArrayList<>();
        String type = null;
        for (ExpressionTree value : values) {
            List<ExpressionTree> parts = new ArrayList<>();
            if (SqlTemplate.isConcatenation(site, value)) {
                spliced(site, value, parts);
            } else if (builtHtml(site, value)) {
                return site.notFixable("the written value is HTML built elsewhere; encode the values where it is built");
            } else {
                parts.add(value);
            }
            for (ExpressionTree part : parts) {
                if (constant(site, part)) {
                    continue;
                }
                TypeMirror t = site.type(part);
                if (t != null && t.getKind().isPrimitive()) {
                    continue;
                }
                if (t != null && t.getKind() == TypeKind.ARRAY) {
                    return site.notFixable("the sink writes characters or bytes, not text that can be encoded here");
                }
                if (parts.size() == 1 && returnsHtml(site, part)) {
                    return site.notFixable("the written value is HTML made by " + site.source(part).strip()
                            + "; encode the values where that method builds it");
                }
                if (type == null) {
                    type = site.typeName(encoder.type(), edits);
                }
                String text = site.source(part);
                String arg = site.isString(part) ? text : "String.valueOf(" + text + ")";
                edits.add(Edit.replace(site.start(part), site.end(part), type + "." + encoder.method() + "(" + arg + ")"));
            }
        }
        if (type == null) {
            return site.notFixable("no value to encode at the sink");
        }
        return site.edits("HTML-encoded with " + simple(encoder.type()) + "." + encoder.method(), edits);
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

    /** Whether a value is a local variable whose initializer writes markup ("<" in a literal). */
    private static boolean builtHtml(FixSite site, ExpressionTree e) {
        if (!(e instanceof IdentifierTree id)) {
            return false;
        }
        Element el = site.element(id);
        if (el == null || el.getKind() != ElementKind.LOCAL_VARIABLE) {
            return false;
        }
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        VariableTree decl = method == null ? null : Locals.declaration(site, method.getLeaf(), el);
        return decl == null || decl.getInitializer() == null || site.source(decl.getInitializer()).contains("<");
    }
}
