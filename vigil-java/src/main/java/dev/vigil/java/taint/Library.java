package dev.vigil.java.taint;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.vigil.core.finding.Location;
import dev.vigil.core.models.ModelRow;
import dev.vigil.java.frontend.CallTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * Calls into code that is not part of the scanned project: the models decide what they do (sources,
 * sinks, sanitizers, propagation); containers (lists, maps, properties) are interpreted precisely;
 * lambdas handed to a library are run on the container's elements.
 */
final class Library {

    private static final Set<String> ENTITY_BUILDERS = Set.of("org.springframework.http.ResponseEntity",
            "org.springframework.http.ResponseEntity$BodyBuilder", "org.springframework.http.HttpEntity");
    private static final Pattern PREDICATE = Pattern.compile(
            "(is|has|can|should|contains|equals|matches|exists|check|validate|compare|size|length|count|hashCode|indexOf)([A-Z].*)?");
    /** Views of a path that keep it canonical. */
    private static final Set<String> PATH_VIEWS = Set.of("getPath", "toString", "toPath", "toFile", "getAbsolutePath",
            "getAbsoluteFile", "toAbsolutePath", "normalize", "toURI", "toUri");
    private static final Set<String> CANONICALIZING =
            Set.of("getCanonicalPath", "getCanonicalFile", "normalize", "toRealPath");

    private Library() {
    }

    static Value call(MethodAnalyzer a, TreePath p, CallTarget target, Value receiver, TreePath receiverPath,
                      List<Value> args, Location loc, Env env) {
        String name = target.name();
        Set<String> types = a.candidateTypes(target, receiver);
        if (receiver != null && receiver.closure() != null && !types.contains("java.util.stream.BaseStream")
                && !types.contains("java.util.Optional")) {
            Value r = a.invoke(receiver.closure(), args, loc, env);
            if (r != null) {
                return r;
            }
        }
        if (receiver != null && receiverPath != null && ContentTypes.setsContentType(name, types, args)) {
            a.assignQuietly(receiverPath, ContentTypes.declares(receiver, args), env, loc);
            return Value.UNKNOWN;
        }
        if (receiver != null && receiverPath != null && Hardening.hardens(name, types, args)) {
            a.assignQuietly(receiverPath, receiver.withTag(Hardening.TAG), env, loc);
            return Value.UNKNOWN;
        }
        Value folded = StringFolding.fold(name, receiver, args, types);
        if (folded != null) {
            return folded;
        }
        if (receiver != null && name.equals("concat") && receiver.constant() instanceof String prefix && args.size() == 1
                && args.get(0).isTainted()) {
            return Value.tainted(args.get(0).taint().sanitize(UrlPrefixes.safeFor(prefix))
                    .step(loc, "concatenated into a string"));
        }
        if (receiver != null && types.contains("java.lang.String") && LineBreaks.removedBy(name, args)) {
            Taint escaped = CharEscapes.apply(receiver.taint(), name, args); // the replacement may undo escaping
            Value cleaned = receiver.withTaint((escaped == null ? receiver.taint() : escaped).sanitize(LineBreaks.RULES)
                    .step(loc, "line breaks removed by String." + name));
            return cleaned.withConstant(null);
        }
        Value container = Containers.handle(a, name, types, receiver, receiverPath, args, loc, env);
        if (container != null) {
            return container;
        }
        TaintEngine engine = a.engine();
        int arity = target.arity();
        for (ModelRow.Sink sink : engine.rowsFor(ModelRow.Sink.class, name, arity, types)) {
            if (!sink.receiverTag().isEmpty() && (receiver == null || !receiver.tags().contains(sink.receiverTag()))) {
                continue;
            }
            if (receiver != null && receiver.tags().contains(Hardening.TAG) && Hardening.RULES.contains(sink.rule())) {
                continue;
            }
            checkSink(a, p, sink, receiver, args, loc);
        }
        // Escaping written as single-character replacements (a project's own helper).
        if (receiver != null && types.contains("java.lang.String")) {
            Taint escaped = CharEscapes.apply(receiver.taint(), name, args);
            if (escaped != null) {
                Taint replacement = args.get(1).taint();
                return Value.tainted(escaped.union(replacement).step(loc, "characters replaced by String." + name));
            }
        }
        boolean handled = false;
        Taint result = Taint.CLEAN;
        Taint sourced = Taint.CLEAN;
        Map<String, Value> fields = new HashMap<>();
        List<ModelRow.Sanitizer> sanitizers = engine.rowsFor(ModelRow.Sanitizer.class, name, arity, types);
        if (!sanitizers.isEmpty()) {
            handled = true;
            Taint in = receiver == null ? Taint.CLEAN : receiver.taint();
            for (Value v : args) {
                in = in.union(v.deepTaint());
            }
            for (ModelRow.Sanitizer s : sanitizers) {
                in = in.sanitize(s.rules());
            }
            result = result.union(in);
        }
        for (ModelRow.Source src : engine.rowsFor(ModelRow.Source.class, name, arity, types)) {
            handled = true;
            if (!engine.kindEnabled(src.kind())) {
                continue;
            }
            String label = src.label();
            if (!args.isEmpty() && args.get(0).constant() instanceof String s) {
                label = label + " '" + s + "'";
            }
            Taint t = Taint.of(new TaintFlow(new Origin.Source(src.kind(), label, loc),
                    Step.then(null, loc, "source: " + label), Set.of()));
            switch (src.output()) {
                case "return" -> sourced = sourced.union(t);
                case "return.[]" -> fields.merge(Value.ELEMENTS, Value.tainted(t), Value::join);
                default -> writeBack(a, src.output(), p, receiverPath, receiver, args, Value.tainted(t), env, loc);
            }
        }
        for (ModelRow.Summary s : engine.rowsFor(ModelRow.Summary.class, name, arity, types)) {
            handled = true;
            Value from = position(s.from(), receiver, args);
            Taint t = s.from().endsWith(".[]") || s.from().equals("args") ? from.deepTaint() : from.taint().union(
                    from.fields().isEmpty() ? Taint.CLEAN : from.elementTaint());
            if (t.isEmpty()) {
                continue;
            }
            switch (s.to()) {
                case "return" -> result = result.union(t);
                case "return.[]" -> fields.merge(Value.ELEMENTS, Value.tainted(t), Value::join);
                default -> writeBack(a, s.to(), p, receiverPath, receiver, args, Value.tainted(t), env, loc);
            }
        }
        Set<String> tags = Set.of();
        String returnType = "";
        for (ModelRow.TypeFact fact : engine.rowsFor(ModelRow.TypeFact.class, name, arity, types)) {
            // The writer of a response declared as JSON, text or binary data writes no page.
            if (!fact.tag().isEmpty() && !(receiver != null && receiver.tags().contains(ContentTypes.NOT_HTML))) {
                tags = Set.of(fact.tag());
            }
            if (!fact.returns().isEmpty()) {
                returnType = fact.returns();
            }
        }
        ExecutableElement method = target.method();
        if (!handled) {
            if (method != null) {
                boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
                TypeKind rk = method.getReturnType().getKind();
                if (rk != TypeKind.VOID && !rk.isPrimitive() && !isStatic && receiver != null) {
                    result = receiver.taint();
                    if (!receiver.fields().isEmpty() && receiver.taint().isEmpty() && isGetterLike(name)) {
                        result = receiver.elementTaint();
                    }
                }
            } else if (!PREDICATE.matcher(name).matches()) {
                Taint in = receiver == null ? Taint.CLEAN : receiver.deepTaint();
                for (Value v : args) {
                    if (v.closure() == null) {
                        in = in.union(v.deepTaint());
                    }
                }
                result = in;
            }
        }
        // Lambdas and method references given to the library run on the receiver's elements.
        for (int i = 0; i < args.size(); i++) {
            Value arg = args.get(i);
            if (arg.closure() == null) {
                continue;
            }
            Value element = Value.UNKNOWN;
            if (receiver != null) {
                element = MethodAnalyzer.fieldOf(receiver, Value.ELEMENTS);
                if (receiver.isTainted()) {
                    element = element.withTaint(element.taint().union(receiver.taint()));
                }
            }
            for (int j = 0; j < args.size(); j++) {
                if (j != i && args.get(j).closure() == null && args.get(j).isTainted()) {
                    element = element.withTaint(element.taint().union(args.get(j).taint()));
                }
            }
            Value r = a.invoke(arg.closure(), List.of(element, element), loc, env);
            if (r != null && TRANSFORMS.contains(name)) {
                // The result of map(fn) is what fn returns, not the receiver.
                result = Taint.CLEAN;
                fields.remove(Value.ELEMENTS);
            }
            if (r != null && r.isTainted() || r != null && !r.fields().isEmpty()) {
                fields.merge(Value.ELEMENTS, r, Value::join);
                if (name.startsWith("map") || name.equals("orElseGet") || name.equals("computeIfAbsent")
                        || name.equals("reduce") || name.equals("apply") || name.equals("call") || name.equals("get")) {
                    result = result.union(r.taint());
                }
            }
        }
        if (UNESCAPING.matcher(name).matches() && sanitizers.isEmpty()) {
            // unescapeHtml4(escapeHtml4(x)) is x again: the escaping no longer protects it.
            Taint restored = Taint.CLEAN;
            for (Value arg : args) {
                restored = restored.union(arg.deepTaint().unsanitized());
            }
            result = result.union(restored);
        }
        if (!result.isEmpty()) {
            result = result.step(loc, (sanitizers.isEmpty() ? "flows through " : "sanitized by ")
                    + simple(target.declaringType()) + "." + name);
        }
        result = result.union(sourced);
        Value v = Value.tainted(result);
        if (!fields.isEmpty()) {
            v = v.withFields(fields);
        }
        for (String tag : tags) {
            v = v.withTag(tag);
        }
        if (ENTITY_BUILDERS.stream().anyMatch(types::contains) && (name.equals("ok") || name.equals("of")
                || name.equals("body") || name.equals("<init>"))) {
            // ResponseEntity.ok(html) still answers with that HTML.
            for (Value arg : args) {
                if (arg.tags().contains(MethodAnalyzer.HTML_TEXT)) {
                    v = v.withTag(MethodAnalyzer.HTML_TEXT);
                }
            }
        }
        if (receiver != null && FLUENT.contains(name) || receiver != null && (name.equals("format") || name.equals("printf"))) {
            for (String tag : receiver.tags()) {
                if (tag.equals("response-writer")) {
                    v = v.withTag(tag); // out.append(a).append(b) still writes to the response
                }
            }
        }
        if (receiver != null && receiver.tags().contains("canonical") && PATH_VIEWS.contains(name)) {
            for (String tag : receiver.tags()) {
                if (tag.equals("canonical") || tag.startsWith("canon-of:")) {
                    v = v.withTag(tag);
                }
            }
        }
        if (CANONICALIZING.contains(name)) {
            v = v.withTag("canonical");
            if (receiverPath != null) {
                Element root = a.unit().trees().getElement(receiverPath);
                if (root != null && receiverPath.getLeaf() instanceof IdentifierTree) {
                    v = v.withTag(a.canonicalTag(root));
                }
            }
        }
        if (name.equals("compile") && types.contains("java.util.regex.Pattern") && !args.isEmpty()
                && args.get(0).constant() instanceof String regex) {
            v = v.withTag("regex:" + regex);
        }
        // Factories that pick an implementation by class name: Class.forName("a.B").newInstance() is a B.
        if (name.equals("forName") && types.contains("java.lang.Class") && !args.isEmpty()
                && args.get(0).constant() instanceof String className && !args.get(0).isTainted()) {
            v = v.withTag("class:" + className);
        }
        if (receiver != null && (name.equals("getDeclaredConstructor") || name.equals("getConstructor")
                || name.equals("newInstance"))) {
            for (String tag : receiver.tags()) {
                if (tag.startsWith("class:")) {
                    v = name.equals("newInstance") ? v.withType(tag.substring(6), true) : v.withTag(tag);
                }
            }
        }
        if (v.exact()) {
            return v;
        }
        if (!returnType.isEmpty()) {
            v = v.withType(returnType, false);
        } else if (method != null && method.getReturnType().getKind() == TypeKind.DECLARED) {
            v = v.withType(a.unit().task().getTypes().erasure(method.getReturnType()).toString(), false);
        }
        if (v.type().isEmpty() && receiver != null && FLUENT.contains(name)) {
            v = v.withType(receiver.type(), false); // a builder-style call returns its receiver
        }
        return v;
    }

    private static boolean isGetterLike(String name) {
        return name.startsWith("get") || name.equals("toString") || name.startsWith("to");
    }

    static Value construct(MethodAnalyzer a, TreePath p, CallTarget target, List<Value> args, Location loc, Env env) {
        String type = target.declaringType();
        Set<String> types = a.engine().supertypes(type, a.unit());
        Value special = Containers.construct(types, args);
        if (special != null) {
            return special.withType(type, true);
        }
        TaintEngine engine = a.engine();
        int arity = target.arity();
        for (ModelRow.Sink sink : engine.rowsFor(ModelRow.Sink.class, "<init>", arity, types)) {
            checkSink(a, p, sink, null, args, loc);
        }
        if (types.contains("org.springframework.web.servlet.ModelAndView") && !args.isEmpty()
                && !(args.get(0).type().length() > 0 && !args.get(0).type().equals("java.lang.String"))) {
            boolean redirect = args.get(0).tags().contains(MethodAnalyzer.REDIRECT_VIEW);
            for (TaintFlow f : args.get(0).taint().flows()) {
                a.sink(redirect ? "java/open-redirect" : "java/template-injection", f, loc,
                        (redirect ? "redirect view" : "view name") + " of new ModelAndView", a.member(), p);
            }
        }
        Taint result = Taint.CLEAN;
        boolean handled = false;
        // Constructors are not inherited: rows of the type itself replace those of its supertypes (a
        // FileReader's content is not its file name, whatever InputStreamReader's constructor passes on).
        Set<String> own = Set.of(type);
        if (!engine.rowsFor(ModelRow.Sanitizer.class, "<init>", arity, own).isEmpty()
                || !engine.rowsFor(ModelRow.Summary.class, "<init>", arity, own).isEmpty()) {
            types = own;
        }
        for (ModelRow.Sanitizer s : engine.rowsFor(ModelRow.Sanitizer.class, "<init>", arity, types)) {
            handled = true;
            Taint in = Taint.CLEAN;
            for (Value v : args) {
                in = in.union(v.deepTaint());
            }
            result = result.union(in.sanitize(s.rules()));
        }
        for (ModelRow.Summary s : engine.rowsFor(ModelRow.Summary.class, "<init>", arity, types)) {
            handled = true;
            result = result.union(position(s.from(), null, args).deepTaint());
        }
        for (ModelRow.Source src : engine.rowsFor(ModelRow.Source.class, "<init>", arity, types)) {
            handled = true;
            if (engine.kindEnabled(src.kind())) {
                result = result.union(Taint.of(new TaintFlow(new Origin.Source(src.kind(), src.label(), loc),
                        Step.then(null, loc, "source: " + src.label()), Set.of())));
            }
        }
        if (!handled) {
            for (Value v : args) {
                if (v.closure() == null) {
                    result = result.union(v.deepTaint());
                }
            }
        }
        if (!result.isEmpty()) {
            result = result.step(loc, "flows into new " + simple(type));
        }
        Value v = Value.tainted(result).withType(type, true);
        if (Hardening.hardenedAtConstruction(types, args)) {
            v = v.withTag(Hardening.TAG);
        }
        for (ModelRow.TypeFact fact : engine.rowsFor(ModelRow.TypeFact.class, "<init>", arity, types)) {
            if (!fact.tag().isEmpty()) {
                v = v.withTag(fact.tag());
            }
        }
        // A writer wrapping a response stream writes to the response.
        for (Value arg : args) {
            if (arg.tags().contains("response-writer")) {
                v = v.withTag("response-writer");
            }
        }
        return v;
    }

    /** A method reference to a library method, run with the given arguments. */
    static Value referenced(MethodAnalyzer a, String owner, ExecutableElement ex, Value receiver, List<Value> args,
                            Location loc) {
        Set<String> types = a.engine().supertypes(owner, a.unit());
        String name = ex.getSimpleName().toString();
        Taint in = receiver == null ? Taint.CLEAN : receiver.taint();
        for (Value v : args) {
            in = in.union(v.taint());
        }
        for (ModelRow.Sanitizer s : a.engine().rowsFor(ModelRow.Sanitizer.class, name, args.size(), types)) {
            in = in.sanitize(s.rules());
        }
        TypeKind rk = ex.getReturnType().getKind();
        if (rk.isPrimitive() || rk == TypeKind.VOID) {
            return Value.UNKNOWN;
        }
        return Value.tainted(in.isEmpty() ? in : in.step(loc, "flows through " + simple(owner) + "." + name));
    }

    /** Argument types that name a file: only these reach a path sink (a stream's content is not a path). */
    private static final Set<String> PATH_TYPES = Set.of("java.lang.String", "java.io.File", "java.nio.file.Path",
            "java.net.URI", "java.net.URL", "java.lang.CharSequence", "java.lang.String[]");

    /** Reports the tainted flows reaching a sink row's input. */
    private static void checkSink(MethodAnalyzer a, TreePath call, ModelRow.Sink sink, Value receiver, List<Value> args,
                                  Location loc) {
        if (sink.rule().equals("java/header-injection") && !args.isEmpty() && args.get(0).constant() instanceof String h
                && h.equalsIgnoreCase("Location")) {
            // The Location header decides where the browser goes: that is a redirect, not just a header.
            sink = new ModelRow.Sink(sink.type(), sink.method(), sink.arity(), sink.input(), "java/open-redirect",
                    sink.receiverTag(), "Location header", sink.origin());
        }
        List<? extends ExpressionTree> argTrees = call.getLeaf() instanceof MethodInvocationTree mi ? mi.getArguments()
                : call.getLeaf() instanceof com.sun.source.tree.NewClassTree nc ? nc.getArguments() : List.of();
        boolean pathRule = sink.rule().equals(Guards.PATH_RULE);
        if (sink.rule().equals("java/expression-injection") && sink.input().equals("this")) {
            for (ExpressionTree arg : argTrees) {
                String type = a.typeName(new TreePath(call, arg));
                if (type.endsWith("SimpleEvaluationContext") || arg.toString().contains("SimpleEvaluationContext")) {
                    return; // data binding only: no types, constructors or bean references
                }
            }
        }
        if (sink.rule().equals("java/regex-injection") && args.size() == 2 && args.get(1).constant() instanceof Integer flags
                && (flags & java.util.regex.Pattern.LITERAL) != 0) {
            return; // compiled as a literal string: no pattern syntax
        }
        if (sink.input().startsWith("args")) {
            for (int i = 0; i < args.size(); i++) {
                if (pathRule && i < argTrees.size() && !namesAFile(a, new TreePath(call, argTrees.get(i)))) {
                    continue;
                }
                Value in = sink.input().endsWith(".[]") ? MethodAnalyzer.fieldOf(args.get(i), Value.ELEMENTS) : args.get(i);
                in = supplied(a, in, loc);
                for (TaintFlow f : in.deepTaint().flows()) {
                    a.sink(sink.rule(), f, loc, sink.label(), a.member(), call);
                }
            }
            return;
        }
        if (pathRule && sink.input().startsWith("arg")) {
            int i = Integer.parseInt(sink.input().replaceAll("\\D", ""));
            if (i < argTrees.size() && !namesAFile(a, new TreePath(call, argTrees.get(i)))) {
                return;
            }
        }
        Value in = supplied(a, position(sink.input(), receiver, args), loc);
        for (TaintFlow f : in.deepTaint().flows()) {
            a.sink(sink.rule(), f, loc, sink.label(), a.member(), call);
        }
    }

    /** A lambda given where a value is expected (a log message supplier) stands for what it returns. */
    private static Value supplied(MethodAnalyzer a, Value v, Location loc) {
        if (v.closure() == null) {
            return v;
        }
        Value r = a.invoke(v.closure(), List.of(), loc, v.closure().captured);
        return r == null ? v : Value.join(v, r);
    }

    private static boolean namesAFile(MethodAnalyzer a, TreePath arg) {
        String type = a.typeName(arg);
        return type.isEmpty() || PATH_TYPES.contains(type) || !type.contains(".");
    }

    static Value position(String position, Value receiver, List<Value> args) {
        boolean elements = position.endsWith(".[]");
        String base = elements ? position.substring(0, position.length() - 3) : position;
        Value v;
        if (base.equals("this")) {
            v = receiver == null ? Value.UNKNOWN : receiver;
        } else if (base.equals("args")) {
            v = Value.UNKNOWN;
            for (Value a : args) {
                v = Value.join(v, a);
            }
            v = v == null ? Value.UNKNOWN : v;
        } else if (base.startsWith("arg")) {
            int i = Integer.parseInt(base.substring(3));
            if (args.isEmpty()) {
                v = Value.UNKNOWN;
            } else if (i < args.size()) {
                v = args.get(i);
            } else {
                v = args.get(args.size() - 1); // varargs
            }
        } else {
            v = Value.UNKNOWN;
        }
        return elements ? MethodAnalyzer.fieldOf(v, Value.ELEMENTS) : v;
    }

    /** Writes taint into the receiver or an argument variable ("this", "this.[]", "argN", "argN.[]"). */
    private static void writeBack(MethodAnalyzer a, String position, TreePath call, TreePath receiverPath, Value receiver,
                                  List<Value> args, Value value, Env env, Location loc) {
        boolean elements = position.endsWith(".[]");
        String base = elements ? position.substring(0, position.length() - 3) : position;
        TreePath target;
        Value old;
        if (base.equals("this")) {
            target = fluentRoot(receiverPath);
            old = target == receiverPath ? receiver : null;
            if (target != receiverPath && target != null) {
                old = a.peek(target, env);
            }
        } else if (base.startsWith("arg") && call.getLeaf() instanceof MethodInvocationTree mi) {
            int i = Integer.parseInt(base.substring(3));
            if (i >= mi.getArguments().size()) {
                return;
            }
            ExpressionTree argTree = mi.getArguments().get(i);
            target = new TreePath(call, argTree);
            old = args.get(i);
        } else {
            return;
        }
        if (target == null || old == null) {
            return;
        }
        Value updated = elements
                ? old.withField(Value.ELEMENTS, Value.join(old.fields().getOrDefault(Value.ELEMENTS, Value.UNKNOWN), value))
                : old.withTaint(old.taint().union(value.taint()));
        a.assignQuietly(target, updated, env, loc);
    }

    /** Decoders and unescapers: their result carries the input without the protection of an earlier escape. */
    private static final Pattern UNESCAPING = Pattern.compile("(unescape|htmlUnescape|decode|urlDecode)[A-Za-z0-9]*");

    /** Library calls whose result is what the function argument returns. */
    private static final Set<String> TRANSFORMS = Set.of("map", "flatMap", "thenApply", "thenCompose", "mapToObj",
            "transform", "compute", "computeIfAbsent", "computeIfPresent", "merge", "orElseGet", "handle");

    /** Builder methods that return their receiver: {@code sb.append(a).append(b)} writes into {@code sb}. */
    private static final Set<String> FLUENT = Set.of("append", "insert", "replace", "reverse", "delete", "deleteCharAt",
            "add", "setLength");

    private static TreePath fluentRoot(TreePath receiverPath) {
        TreePath p = receiverPath;
        while (p != null && p.getLeaf() instanceof MethodInvocationTree mi
                && mi.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                && FLUENT.contains(ms.getIdentifier().toString())) {
            p = new TreePath(new TreePath(p, ms), ms.getExpression());
        }
        return p;
    }

    static String simple(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }
}
