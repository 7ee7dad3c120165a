package dev.vigil.java.checks;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.CallTarget;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;

/**
 * java/hardcoded-credentials: a password written in the source reaching a credential parameter
 * (DriverManager.getConnection and its Properties, setPassword on data sources and pools,
 * PasswordAuthentication, KeyStore.load/getKey, KeyManagerFactory.init), and string literals shaped
 * like a vendor token (GitHub, AWS, Slack, Stripe, private keys). Constants and concatenations count;
 * empty strings, placeholders, values from the environment or configuration, and test code do not.
 */
public final class HardcodedCredentialsCheck implements JavaCheck {

    static final String RULE = "java/hardcoded-credentials";

    private static final List<Pattern> VENDOR_TOKENS = List.of(
            Pattern.compile("\\bghp_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{60,}\\b"),
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bxox[abpr]-[0-9A-Za-z-]{10,}"),
            Pattern.compile("\\bsk_live_[0-9A-Za-z]{20,}\\b"),
            Pattern.compile("\\bglpat-[0-9A-Za-z_-]{20}\\b"),
            Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"));

    @Override
    public String ruleId() {
        return RULE;
    }

    @Override
    public void check(ParsedUnit unit, CheckContext context) {
        if (Secrets.isTestCode(unit)) {
            return;
        }
        new CheckScanner(unit, context) {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                CallTarget t = target();
                if (t.is("java.sql.DriverManager", "getConnection")) {
                    if (t.arity() == 3) {
                        judge(this, argumentPath(2), "DriverManager.getConnection");
                    } else if (t.arity() == 2) {
                        passwordInProperties(this, argumentPath(1));
                    }
                } else if (t.name().equals("setPassword") && t.arity() == 1
                        && typeOf(argumentPath(0)).equals("java.lang.String")) {
                    judge(this, argumentPath(0), "setPassword");
                } else if ((t.is("java.security.KeyStore", "load") || t.is("java.security.KeyStore", "getKey")
                        || t.is("javax.net.ssl.KeyManagerFactory", "init")) && t.arity() == 2) {
                    judge(this, argumentPath(1), t.name());
                }
                return super.visitMethodInvocation(call, unused);
            }

            @Override
            public Void visitNewClass(NewClassTree creation, Void unused) {
                CallTarget t = target();
                if ((t.is("java.net.PasswordAuthentication", "<init>")
                        || t.declaringType().endsWith(".UsernamePasswordCredentials")) && t.arity() == 2) {
                    judge(this, argumentPath(1), t.declaringType().substring(t.declaringType().lastIndexOf('.') + 1));
                }
                return super.visitNewClass(creation, unused);
            }

            @Override
            public Void visitLiteral(LiteralTree literal, Void unused) {
                if (literal.getValue() instanceof String s) {
                    for (Pattern p : VENDOR_TOKENS) {
                        if (p.matcher(s).find()) {
                            context.report(RULE, unit, getCurrentPath(), "Access token or private key written in the"
                                    + " source: anyone with the code can use it; revoke it and load it from a secret store",
                                    Secrets.redactedLocation(unit, getCurrentPath()));
                            break;
                        }
                    }
                }
                return null;
            }
        }.run();
    }

    private static void judge(CheckScanner s, TreePath password, String where) {
        Optional<String> secret = Secrets.literal(s, password);
        secret.ifPresent(v -> s.context.report(RULE, s.unit, s.getCurrentPath(), "Password written in the source ("
                + Secrets.redacted(v) + ") passed to " + where + ": read it from the environment or a secret store",
                Secrets.redactedLocation(s.unit, s.getCurrentPath())));
    }

    /** getConnection(url, props): a "password" property set from a literal on that Properties object. */
    private static void passwordInProperties(CheckScanner s, TreePath props) {
        if (!(props.getLeaf() instanceof IdentifierTree)) {
            return;
        }
        Element var = s.unit.trees().getElement(props);
        TreePath method = props;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        if (var == null || method == null) {
            return;
        }
        long before = s.unit.startOffset(s.getCurrentPath().getLeaf());
        TreePath[] value = {null};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (s.unit.startOffset(call) < before && call.getMethodSelect() instanceof MemberSelectTree ms
                        && (ms.getIdentifier().contentEquals("setProperty") || ms.getIdentifier().contentEquals("put"))
                        && call.getArguments().size() == 2
                        && var.equals(s.unit.trees().getElement(new TreePath(new TreePath(getCurrentPath(), ms),
                        ms.getExpression())))) {
                    TreePath key = new TreePath(getCurrentPath(), call.getArguments().get(0));
                    if (s.constants.resolveInSource(key).strings().stream()
                            .anyMatch(k -> k.toLowerCase(Locale.ROOT).equals("password"))) {
                        value[0] = new TreePath(getCurrentPath(), call.getArguments().get(1));
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(method, null);
        if (value[0] != null) {
            judge(s, value[0], "DriverManager.getConnection (as the \"password\" property)");
        }
    }
}
