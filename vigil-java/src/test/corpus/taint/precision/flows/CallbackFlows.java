package corpus.taint.precision.flows;

import java.util.function.Function;
import java.util.function.Supplier;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.QueryParam;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/** Lambdas, method references and anonymous classes between source and sink (JAX-RS entry points). */
@Path("/calc")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackFlows {

    private final ScriptEngine engine;
    private final SpelExpressionParser spel = new SpelExpressionParser();

    public CallbackFlows(ScriptEngine engine) {
        this.engine = engine;
    }

    interface Evaluator {
        Object run(String code) throws ScriptException;
    }

    @GET
    @Path("/lambda")
    public Object lambda(@QueryParam("code") String code) throws ScriptException {
        Evaluator ev = c -> engine.eval(c); // vigil: expect java/code-injection
        return ev.run(code);
    }

    @GET
    @Path("/lambda-fixed")
    public Object lambdaFixed(@QueryParam("code") String code) throws ScriptException {
        Evaluator ev = c -> engine.eval("1 + 1"); // vigil: safe java/code-injection
        return ev.run(code);
    }

    @GET
    @Path("/anonymous")
    public Object anonymous(@QueryParam("code") String code) throws ScriptException {
        Evaluator ev = new Evaluator() {
            @Override
            public Object run(String c) throws ScriptException {
                return engine.eval("var x = " + c); // vigil: expect java/code-injection
            }
        };
        return ev.run(code);
    }

    @GET
    @Path("/anonymous-number")
    public Object anonymousNumber(@QueryParam("code") String code) throws ScriptException {
        Evaluator ev = new Evaluator() {
            @Override
            public Object run(String c) throws ScriptException {
                return engine.eval("var x = " + Integer.parseInt(c)); // vigil: safe java/code-injection
            }
        };
        return ev.run(code);
    }

    @GET
    @Path("/function")
    public Object function(@QueryParam("expr") String expr) {
        Function<String, String> wrap = s -> "#{" + s + "}";
        return spel.parseExpression(wrap.apply(expr)).getValue(); // vigil: expect java/expression-injection
    }

    @GET
    @Path("/function-ignoring")
    public Object functionIgnoring(@QueryParam("expr") String expr) {
        Function<String, String> wrap = s -> "#{'constant'}";
        return spel.parseExpression(wrap.apply(expr)).getValue(); // vigil: safe java/expression-injection
    }

    @GET
    @Path("/supplier")
    public Object supplier(@QueryParam("expr") String expr) {
        Supplier<String> s = () -> expr.strip();
        return spel.parseExpression(s.get()).getValue(); // vigil: expect java/expression-injection
    }

    @GET
    @Path("/supplier-constant")
    public Object supplierConstant(@QueryParam("expr") String expr) {
        Supplier<String> s = () -> "T(java.lang.Math).max(1, 2)";
        return spel.parseExpression(s.get()).getValue(); // vigil: safe java/expression-injection
    }

    @GET
    @Path("/method-ref")
    public Object methodRef(@QueryParam("expr") String expr) {
        Function<String, String> f = String::toUpperCase;
        return spel.parseExpression(f.apply(expr)).getValue(); // vigil: expect java/expression-injection
    }

    @GET
    @Path("/method-ref-length")
    public Object methodRefLength(@QueryParam("expr") String expr) {
        Function<String, Integer> f = String::length;
        return spel.parseExpression(String.valueOf(f.apply(expr))).getValue(); // vigil: safe java/expression-injection
    }
}
