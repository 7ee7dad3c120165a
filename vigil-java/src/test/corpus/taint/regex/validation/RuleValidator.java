package corpus.taint.regex.validation;

import java.util.Map;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;

/** Validation rules chosen by the client: by name from a table, or as a raw expression. */
@Path("/validate")
public class RuleValidator {

    private static final Map<String, String> RULES = Map.of(
            "zip", "[0-9]{5}",
            "phone", "\\+?[0-9 ]{6,20}");

    @GET
    public boolean validate(@QueryParam("rule") String rule, @QueryParam("value") String value) {
        return Pattern.matches(rule, value); // vigil: expect java/regex-injection
    }

    @GET
    @Path("/named")
    public boolean validateNamed(@QueryParam("rule") String rule, @QueryParam("value") String value) {
        return Pattern.matches(RULES.getOrDefault(rule, "[0-9]{5}"), value); // vigil: safe java/regex-injection
    }

    @GET
    @Path("/prefix")
    public boolean validatePrefix(@QueryParam("prefix") String prefix, @QueryParam("value") String value) {
        return value.matches(prefix + "[0-9]+"); // vigil: expect java/regex-injection
    }

    @GET
    @Path("/prefix-quoted")
    public boolean validatePrefixQuoted(@QueryParam("prefix") String prefix, @QueryParam("value") String value) {
        return value.matches(Pattern.quote(prefix) + "[0-9]+"); // vigil: safe java/regex-injection
    }
}
