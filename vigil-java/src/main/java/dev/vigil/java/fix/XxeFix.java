package dev.vigil.java.fix;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.vigil.java.frontend.CallTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * java/xxe: the factory the parser comes from is hardened right before the parse statement (after any
 * earlier configuration, so a feature switched the wrong way earlier is overridden):
 * DocumentBuilderFactory and SAXParserFactory disallow DOCTYPE declarations, XMLInputFactory turns off
 * DTDs and external entities. Only a factory held in a local variable or parameter of the method is
 * changed; the method must already declare the checked exceptions {@code setFeature} throws.
 */
final class XxeFix implements FixRecipe {

    private static final String DISALLOW_DOCTYPE = "\"http://apache.org/xml/features/disallow-doctype-decl\"";

    /** Hardening statements per factory type ("%s" is the factory variable), and the exception they need. */
    private record Hardening(List<String> statements, String exception) {
    }

    private static final Map<String, Hardening> HARDENING = Map.of(
            "javax.xml.parsers.DocumentBuilderFactory",
            new Hardening(List.of("%s.setFeature(" + DISALLOW_DOCTYPE + ", true);"), "ParserConfigurationException"),
            "javax.xml.parsers.SAXParserFactory",
            new Hardening(List.of("%s.setFeature(" + DISALLOW_DOCTYPE + ", true);"), "SAXException"),
            "javax.xml.stream.XMLInputFactory",
            new Hardening(List.of("%s.setProperty(\"javax.xml.stream.supportDTD\", false);",
                    "%s.setProperty(\"javax.xml.stream.isSupportingExternalEntities\", false);"), null));

    @Override
    public Set<String> ruleIds() {
        return Set.of("java/xxe");
    }

    @Override
    public FixProposal propose(FixSite site) {
        IdentifierTree factory = factoryOf(site);
        if (factory == null) {
            return site.notFixable("the parser does not come from a DocumentBuilderFactory, SAXParserFactory or"
                    + " XMLInputFactory held in a local variable here");
        }
        String type = CallTarget.typeOf(site.unit(), new TreePath(site.sink(), factory));
        Hardening h = HARDENING.get(type);
        TreePath stmt = site.enclosingStatement(site.sink()).orElse(null);
        TreePath method = site.enclosingMethod(site.sink()).orElse(null);
        if (h == null || stmt == null || method == null || !site.startsLine(site.start(stmt.getLeaf()))) {
            return site.notFixable("no statement before the parse to harden the factory in");
        }
        if (h.exception() != null && !declares((MethodTree) method.getLeaf(), h.exception())) {
            return site.notFixable("the method does not declare " + h.exception() + ", which setFeature throws");
        }
        int at = site.start(stmt.getLeaf());
        String indent = site.indentation(at);
        StringBuilder text = new StringBuilder();
        for (String s : h.statements()) {
            text.append(String.format(s, factory.getName())).append(site.lineSeparator()).append(indent);
        }
        return site.edits("XML factory hardened (no DOCTYPE / external entities)", List.of(Edit.insert(at, text.toString())));
    }

    /** The local factory variable at the root of the sink's receiver chain. */
    private static IdentifierTree factoryOf(FixSite site) {
        Tree t = site.sink().getLeaf();
        while (t instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
            ExpressionTree receiver = ms.getExpression();
            if (receiver instanceof IdentifierTree id) {
                Element el = site.element(id);
                if (el != null && (el.getKind() == ElementKind.LOCAL_VARIABLE || el.getKind() == ElementKind.PARAMETER)
                        && HARDENING.containsKey(CallTarget.typeOf(site.unit(), new TreePath(site.sink(), id)))) {
                    return id;
                }
                // A builder or parser variable: its factory is not visible here.
                return null;
            }
            t = receiver;
        }
        return null;
    }

    private static boolean declares(MethodTree m, String exception) {
        for (Tree t : m.getThrows()) {
            String s = t.toString();
            if (s.endsWith(exception) || s.equals("Exception") || s.equals("java.lang.Exception") || s.equals("Throwable")) {
                return true;
            }
        }
        return false;
    }
}
