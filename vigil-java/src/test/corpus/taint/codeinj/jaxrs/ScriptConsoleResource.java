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
        return String.valueOf(engine.eval(script)); // vigil: expect java/code-injection
    }

    @POST
    @Path("/version")
    public String version(@FormParam("script") String script) throws ScriptException {
        return String.valueOf(engine.eval("GroovySystem.version")) + script.length(); // vigil: safe java/code-injection
    }

    @POST
    @Path("/groovy")
    public String groovy(@CookieParam("snippet") String snippet) {
        GroovyShell shell = new GroovyShell(new Binding());
        return String.valueOf(shell.evaluate("return " + snippet)); // vigil: expect java/code-injection
    }

    @POST
    @Path("/groovy-bound")
    public String groovyBound(@CookieParam("snippet") String snippet) {
        Binding binding = new Binding();
        binding.setVariable("snippet", snippet);
        GroovyShell shell = new GroovyShell(binding);
        return String.valueOf(shell.evaluate("return snippet.reverse()")); // vigil: safe java/code-injection
    }

    @POST
    @Path("/parse")
    public String parse(@FormParam("script") String script) {
        return String.valueOf(new GroovyShell().parse(script).run()); // vigil: expect java/code-injection
    }

    @POST
    @Path("/parse-fixed")
    public String parseFixed(@FormParam("script") String script) {
        return String.valueOf(new GroovyShell().parse("1 + 1").run()) + script.isEmpty(); // vigil: safe java/code-injection
    }
}
