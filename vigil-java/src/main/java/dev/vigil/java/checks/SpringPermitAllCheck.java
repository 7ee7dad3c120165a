package dev.vigil.java.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.vigil.java.frontend.ParsedUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * java/spring-permit-all: Spring Security authorization that lets every request through, either
 * {@code anyRequest().permitAll()} (WebFlux {@code anyExchange().permitAll()}) or a catch-all matcher
 * ({@code requestMatchers("/**").permitAll()}, also {@code antMatchers}, {@code mvcMatchers},
 * {@code regexMatchers}, {@code pathMatchers}), in the chain or the lambda DSL; and a
 * {@code WebSecurity.ignoring()} of a catch-all matcher, which takes every path out of the filter chain.
 *
 * <p>{@code anyRequest().permitAll()} is reported even after matchers that require authentication: it
 * still opens every path nobody listed, so a new endpoint is public by default. Not reported: a chain
 * that its method scopes to specific paths with {@code securityMatcher(...)} (a public chain for
 * {@code /assets/**}), specific paths, and the CORS preflight idiom
 * {@code requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()}. The finding is on the
 * {@code permitAll} call, or on the matcher call after {@code ignoring()}.
 */
public final class SpringPermitAllCheck implements JavaCheck {

    static final String RULE = "java/spring-permit-all";

    private static final Set<String> ANY = Set.of("anyRequest", "anyExchange");
    private static final Set<String> MATCHERS = Set.of("requestMatchers", "antMatchers", "mvcMatchers",
            "regexMatchers", "pathMatchers");
    /** HttpSecurity / ServerHttpSecurity calls that limit which requests a whole chain applies to. */
    private static final Set<String> CHAIN_SCOPES = Set.of("securityMatcher", "securityMatchers", "antMatcher",
            "mvcMatcher", "regexMatcher", "requestMatcher");
    /** Ant and regex patterns that match every path. */
    private static final Set<String> CATCH_ALL = Set.of("/**", "**", "/**/*", "/**/**", ".*", "/.*", "^/.*$");

    private static final String PERMIT_MESSAGE = "Every request is permitted without authentication: paths"
            + " nobody listed (new endpoints included) are public; end with anyRequest().authenticated()"
            + " and permit specific paths";
    private static final String IGNORING_MESSAGE = "Every path is taken out of Spring Security (no"
            + " authentication, no security headers, no CSRF); ignore only static resources";

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
                    if (name.equals("permitAll") && call.getArguments().isEmpty()
                            && selectsEverything(this, receiver) && !chainScoped(this, getCurrentPath())) {
                        report(RULE, getCurrentPath(), PERMIT_MESSAGE);
                    } else if ((ANY.contains(name) && call.getArguments().isEmpty()
                            || MATCHERS.contains(name) && catchAll(this, getCurrentPath()))
                            && afterIgnoring(ms.getExpression())) {
                        report(RULE, getCurrentPath(), IGNORING_MESSAGE);
                    }
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.run();
    }

    /** Whether the receiver of permitAll() is anyRequest()/anyExchange() or a catch-all matcher call. */
    private static boolean selectsEverything(CheckScanner s, TreePath receiver) {
        if (receiver == null) {
            return false;
        }
        TreePath inner = new TreePath(receiver.getParentPath(), CheckScanner.strip((ExpressionTree) receiver.getLeaf()));
        if (inner.getLeaf() instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree ms) {
            String name = ms.getIdentifier().toString();
            return ANY.contains(name) && call.getArguments().isEmpty()
                    || MATCHERS.contains(name) && catchAll(s, inner);
        }
        return false;
    }

    /**
     * Whether the matcher call at {@code matcherCall} matches every path: one of its arguments is a
     * catch-all pattern (also inside {@code new AntPathRequestMatcher("/**")}) or {@code AnyRequestMatcher}.
     * {@code HttpMethod.OPTIONS} restricts it to CORS preflights, which carry no credentials.
     */
    private static boolean catchAll(CheckScanner s, TreePath matcherCall) {
        List<? extends ExpressionTree> args = ((MethodInvocationTree) matcherCall.getLeaf()).getArguments();
        if (args.stream().anyMatch(a -> a.toString().endsWith("OPTIONS"))) {
            return false;
        }
        for (ExpressionTree a : args) {
            if (patterns(s, new TreePath(matcherCall, a)).everything()) {
                return true;
            }
        }
        return false;
    }

    /** The path patterns (resolved strings) named anywhere inside {@code expression}. */
    private static Patterns patterns(CheckScanner s, TreePath expression) {
        Patterns out = new Patterns();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitLiteral(LiteralTree literal, Void unused) {
                if (literal.getValue() instanceof String text) {
                    out.strings.add(text);
                }
                return null;
            }

            @Override
            public Void visitIdentifier(IdentifierTree id, Void unused) {
                if (id.getName().contentEquals("AnyRequestMatcher")) {
                    out.anyRequestMatcher = true;
                }
                out.strings.addAll(s.constants.resolve(getCurrentPath()).strings());
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                out.strings.addAll(s.constants.resolve(getCurrentPath()).strings());
                return super.visitMemberSelect(select, unused);
            }
        }.scan(expression, null);
        return out;
    }

    /** What a matcher expression names: its string patterns, and whether it uses AnyRequestMatcher. */
    private static final class Patterns {
        final Set<String> strings = new HashSet<>();
        boolean anyRequestMatcher;

        boolean everything() {
            return anyRequestMatcher || strings.stream().anyMatch(CATCH_ALL::contains);
        }
    }

    /** Whether {@code receiver}, after any further matcher calls, is {@code ignoring()}. */
    private static boolean afterIgnoring(ExpressionTree receiver) {
        ExpressionTree r = CheckScanner.strip(receiver);
        while (r instanceof MethodInvocationTree m && m.getMethodSelect() instanceof MemberSelectTree ms
                && MATCHERS.contains(ms.getIdentifier().toString())) {
            r = CheckScanner.strip(ms.getExpression());
        }
        return r instanceof MethodInvocationTree m && m.getArguments().isEmpty()
                && m.getMethodSelect() instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("ignoring");
    }

    /**
     * Whether the method holding {@code at} scopes its filter chain to specific paths: a
     * {@code securityMatcher(...)} (or 5.x {@code antMatcher(...)}) call whose patterns are not catch-all.
     * A scope the check cannot read (a matcher bean) counts as specific: the chain was limited on purpose.
     */
    private static boolean chainScoped(CheckScanner s, TreePath at) {
        TreePath method = at;
        while (method != null && !(method.getLeaf() instanceof MethodTree)) {
            method = method.getParentPath();
        }
        if (method == null) {
            return false;
        }
        boolean[] scoped = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                if (call.getMethodSelect() instanceof MemberSelectTree ms
                        && CHAIN_SCOPES.contains(ms.getIdentifier().toString()) && !call.getArguments().isEmpty()) {
                    boolean everything = false;
                    for (ExpressionTree a : call.getArguments()) {
                        everything |= patterns(s, new TreePath(getCurrentPath(), a)).everything();
                    }
                    scoped[0] |= !everything;
                }
                return super.visitMethodInvocation(call, unused);
            }
        }.scan(method, null);
        return scoped[0];
    }
}
