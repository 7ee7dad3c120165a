package corpus.taint.codeinj.scripting;

import groovy.lang.GroovyShell;
import java.io.IOException;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.mvel2.MVEL;

/** Spreadsheet-like formulas: evaluating user text as code, or passing it in as data. */
public class FormulaServlet extends HttpServlet {

    private final ScriptEngine js = new ScriptEngineManager().getEngineByName("javascript");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String formula = request.getParameter("formula");
        try {
            Object v = js.eval(formula); // vigil: expect java/code-injection
            response.setStatus(v == null ? 204 : 200);
        } catch (ScriptException e) {
            response.sendError(400);
        }
    }

    Object evalAsData(HttpServletRequest request) throws ScriptException {
        String formula = request.getParameter("formula");
        Bindings b = js.createBindings();
        b.put("input", formula);
        return js.eval("input.length", b); // vigil: safe java/code-injection
    }

    Object evalTemplate(HttpServletRequest request) throws ScriptException {
        String cell = request.getParameter("cell");
        return js.eval("sheet.value('" + cell + "')"); // vigil: expect java/code-injection
    }

    Object evalTemplateValidated(HttpServletRequest request) throws ScriptException {
        String cell = request.getParameter("cell");
        if (!cell.matches("[A-Z]{1,2}[0-9]{1,4}")) {
            throw new IllegalArgumentException("bad cell");
        }
        return js.eval("sheet.value('" + cell + "')"); // vigil: safe java/code-injection
    }

    Object groovy(HttpServletRequest request) {
        String script = request.getParameter("script");
        return new GroovyShell().evaluate(script); // vigil: expect java/code-injection
    }

    Object groovyConstant(HttpServletRequest request) {
        String script = request.getParameter("script");
        GroovyShell shell = new GroovyShell();
        shell.setVariable("script", script);
        return shell.evaluate("script.size()"); // vigil: safe java/code-injection
    }

    Object mvel(HttpServletRequest request) {
        String expr = request.getHeader("X-Rule");
        return MVEL.eval(expr); // vigil: expect java/code-injection
    }

    Object mvelConstant(HttpServletRequest request) {
        String expr = request.getHeader("X-Rule");
        return MVEL.eval("rule.length() > 3", java.util.Map.of("rule", expr)); // vigil: safe java/code-injection
    }
}
