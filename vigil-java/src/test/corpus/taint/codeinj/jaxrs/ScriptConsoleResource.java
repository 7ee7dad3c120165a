package corpus.taint.codeinj.jaxrs;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

/** An admin script console whose authentication was forgotten. */
@Path("/console")
public class ScriptConsoleResource {

    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("groovy");

    @POST
    @Consumes("application/x-www-form-urlencoded")
    public String run(@FormParam("script") String script) throws ScriptException {
        Object result = engine.eval(script); // vigil: expect java/code-injection
        return result == null ? "no result" : "done";
    }

    @POST
    @Path("/version")
    public String version(@FormParam("script") String script) throws ScriptException {
        Object result = engine.eval("GroovySystem.version"); // vigil: safe java/code-injection
        return result == null || script.isEmpty() ? "no result" : "done";
    }

    @POST
    @Path("/groovy")
    public String groovy(@CookieParam("snippet") String snippet) {
        GroovyShell shell = new GroovyShell(new Binding());
        Object result = shell.evaluate("return " + snippet); // vigil: expect java/code-injection
        return result == null ? "no result" : "done";
    }

    @POST
    @Path("/groovy-bound")
    public String groovyBound(@CookieParam("snippet") String snippet) {
        Binding binding = new Binding();
        binding.setVariable("snippet", snippet);
        GroovyShell shell = new GroovyShell(binding);
        Object result = shell.evaluate("return snippet.reverse()"); // vigil: safe java/code-injection
        return result == null ? "no result" : "done";
    }

    @POST
    @Path("/parse")
    public String parse(@FormParam("script") String script) {
        Object result = new GroovyShell().parse(script).run(); // vigil: expect java/code-injection
        return result == null ? "no result" : "done";
    }

    @POST
    @Path("/parse-fixed")
    public String parseFixed(@FormParam("script") String script) {
        Object result = new GroovyShell().parse("1 + 1").run(); // vigil: safe java/code-injection
        return result == null || script.isEmpty() ? "no result" : "done";
    }
}
