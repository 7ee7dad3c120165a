package corpus.taint.regex.search;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Searching log lines with client-supplied patterns (ReDoS) or literals. */
public class LogSearchServlet extends HttpServlet {

    private static final Pattern LEVEL = Pattern.compile("(ERROR|WARN)");

    private final List<String> lines;

    public LogSearchServlet(List<String> lines) {
        this.lines = lines;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        try {
            Pattern p = Pattern.compile(q); // vigil: expect java/regex-injection
            response.setIntHeader("X-Hits", (int) lines.stream().filter(l -> p.matcher(l).find()).count());
        } catch (PatternSyntaxException e) {
            response.sendError(400);
        }
    }

    long literal(HttpServletRequest request) {
        String q = request.getParameter("q");
        Pattern p = Pattern.compile(Pattern.quote(q)); // vigil: safe java/regex-injection
        return lines.stream().filter(l -> p.matcher(l).find()).count();
    }

    long literalFlag(HttpServletRequest request) {
        String q = request.getParameter("q");
        Pattern p = Pattern.compile(q, Pattern.LITERAL); // vigil: safe java/regex-injection
        return lines.stream().filter(l -> p.matcher(l).find()).count();
    }

    long matchesInput(HttpServletRequest request) {
        String q = request.getParameter("q");
        return lines.stream().filter(l -> l.matches(q)).count(); // vigil: expect java/regex-injection
    }

    boolean inputMatchesConstant(HttpServletRequest request) {
        String q = request.getParameter("q");
        return q.matches("[a-z]+") && LEVEL.matcher(q).find(); // vigil: safe java/regex-injection
    }

    String[] splitBy(HttpServletRequest request) {
        String sep = request.getParameter("sep");
        return lines.get(0).split(sep); // vigil: expect java/regex-injection
    }

    String[] splitInput(HttpServletRequest request) {
        String csv = request.getParameter("csv");
        return csv.split(","); // vigil: safe java/regex-injection
    }

    String mask(HttpServletRequest request) {
        String word = request.getParameter("word");
        return lines.get(0).replaceAll(word, "***"); // vigil: expect java/regex-injection
    }

    String maskQuoted(HttpServletRequest request) {
        String word = request.getParameter("word");
        return lines.get(0).replaceAll(Pattern.quote(word), "***"); // vigil: safe java/regex-injection
    }

    String maskLiteral(HttpServletRequest request) {
        String word = request.getParameter("word");
        return lines.get(0).replace(word, "***"); // vigil: safe java/regex-injection
    }

    String maskPrefix(HttpServletRequest request) {
        String word = request.getParameter("word");
        return lines.get(0).replaceFirst("^" + word, ""); // vigil: expect java/regex-injection
    }
}
