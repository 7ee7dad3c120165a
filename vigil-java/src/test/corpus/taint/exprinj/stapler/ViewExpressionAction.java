package corpus.taint.exprinj.stapler;

import hudson.model.Action;
import java.io.IOException;
import java.util.Map;
import ognl.Ognl;
import ognl.OgnlException;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/** Column expressions for a build list view, evaluated with OGNL or SpEL. */
public class ViewExpressionAction implements Action {

    private static final Map<String, String> COLUMNS = Map.of("name", "displayName", "result", "result.name");

    private final SpelExpressionParser parser = new SpelExpressionParser();
    private final Object build;

    public ViewExpressionAction(Object build) {
        this.build = build;
    }

    @Override
    public String getUrlName() {
        return "expr";
    }

    public void doColumn(StaplerRequest req, StaplerResponse rsp, @QueryParameter String column) throws IOException, OgnlException {
        Object v = Ognl.getValue(column, build); // vigil: expect java/expression-injection
        rsp.setStatus(v == null ? 204 : 200);
    }

    public void doKnownColumn(StaplerRequest req, StaplerResponse rsp, @QueryParameter String column) throws IOException, OgnlException {
        Object v = Ognl.getValue(COLUMNS.getOrDefault(column, "displayName"), build); // vigil: safe java/expression-injection
        rsp.setStatus(v == null ? 204 : 200);
    }

    public void doSpel(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String expr = req.getParameter("expr");
        Object v = parser.parseExpression(expr).getValue(SimpleEvaluationContext.forReadOnlyDataBinding().build(), build); // vigil: expect java/expression-injection
        rsp.setStatus(v == null ? 204 : 200);
    }

    public void doSpelConstant(StaplerRequest req, StaplerResponse rsp) throws IOException {
        String expr = req.getParameter("expr");
        Object v = parser.parseExpression("displayName").getValue(SimpleEvaluationContext.forReadOnlyDataBinding().build(), build); // vigil: safe java/expression-injection
        rsp.setStatus(v == null || expr == null ? 204 : 200);
    }

    public void doTemplate(StaplerRequest req, StaplerResponse rsp, @QueryParameter String title) throws IOException {
        Object v = parser.parseExpression("Build: " + title, new org.springframework.expression.common.TemplateParserContext()).getValue(build); // vigil: expect java/expression-injection
        rsp.setStatus(v == null ? 204 : 200);
    }

    public void doTemplateEscaped(StaplerRequest req, StaplerResponse rsp, @QueryParameter String title) throws IOException {
        Object v = parser.parseExpression("Build: #{displayName}", new org.springframework.expression.common.TemplateParserContext()).getValue(build); // vigil: safe java/expression-injection
        rsp.setStatus(v == null || title == null ? 204 : 200);
    }
}
