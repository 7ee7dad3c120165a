package corpus.taint.precision.interproc;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Interface dispatch, factories and per-call-site helper results. */
public class DispatchServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        PrintWriter out = response.getWriter();
        ThingInterface thing = ThingFactory.createThing();
        out.println(thing.doSomething(param)); // vigil: safe java/xss
        ThingInterface other = ThingFactory.createPassThrough();
        out.println(other.doSomething(param)); // vigil: expect java/xss
    }

    void chosenByConstant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        ThingInterface thing = ThingFactory.create("constant");
        response.getWriter().println(thing.doSomething(param)); // vigil: safe java/xss
    }

    void chosenByOtherConstant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        ThingInterface thing = ThingFactory.create("passthrough");
        response.getWriter().println(thing.doSomething(param)); // vigil: expect java/xss
    }

    void directConstantImpl(HttpServletRequest request) throws IOException {
        String param = request.getParameter("cmd");
        ThingInterface thing = new ConstantThing();
        Runtime.getRuntime().exec(thing.doSomething(param)); // vigil: safe java/command-injection
    }

    void directPassThroughImpl(HttpServletRequest request) throws IOException {
        String param = request.getParameter("cmd");
        ThingInterface thing = new PassThroughThing();
        Runtime.getRuntime().exec(thing.doSomething(param)); // vigil: expect java/command-injection
    }

    void helperDefaultMode(HttpServletRequest request) {
        String param = request.getParameter("user");
        String user = Helpers.orDefault("default", param);
        request.getSession().setAttribute("user", user); // vigil: safe java/trust-boundary-violation
    }

    void helperOtherMode(HttpServletRequest request) {
        String param = request.getParameter("user");
        String user = Helpers.orDefault("custom", param);
        request.getSession().setAttribute("user", user); // vigil: expect java/trust-boundary-violation
    }

    void alwaysSafeHelper(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        response.setHeader("X-State", Helpers.describe(param)); // vigil: safe java/header-injection
    }

    void passThroughHelper(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        response.setHeader("X-State", Helpers.normalize(param)); // vigil: expect java/header-injection
    }

    void base64Decoded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("b64");
        response.sendRedirect(Helpers.decodeBase64(param)); // vigil: expect java/open-redirect
    }

    void base64OfConstant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("b64");
        response.sendRedirect(param.isEmpty() ? "/" : Helpers.decodeBase64("L2hvbWU=")); // vigil: safe java/open-redirect
    }

    void urlDecoded(HttpServletRequest request) throws ReflectiveOperationException {
        String param = request.getQueryString();
        Class.forName(Helpers.urlDecode(param)); // vigil: expect java/unsafe-reflection
    }

    void urlDecodedConstant(HttpServletRequest request) throws ReflectiveOperationException {
        String param = request.getQueryString();
        Class.forName(Helpers.urlDecode("java.lang.String") + (param == null ? "" : "")); // vigil: safe java/unsafe-reflection
    }

    void recursiveUnquote(HttpServletRequest request) {
        String param = request.getParameter("q");
        java.util.regex.Pattern.compile(Helpers.unquote(param)); // vigil: expect java/regex-injection
    }

    void recursiveConstant(HttpServletRequest request) {
        String param = request.getParameter("q");
        java.util.regex.Pattern.compile(Helpers.depthLabel(param, 3)); // vigil: safe java/regex-injection
    }
}
