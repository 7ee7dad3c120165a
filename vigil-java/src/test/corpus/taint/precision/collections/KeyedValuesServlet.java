package corpus.taint.precision.collections;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** Map keys, list indices and array slots that are constants: only the tainted slot is tainted. */
public class KeyedValuesServlet extends HttpServlet {

    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        mapOtherKey(request, response);
        mapSameKey(request, response);
    }

    void mapOtherKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        Map<String, Object> map = new HashMap<>();
        map.put("keyA-1", "a_Value");
        map.put("keyB-1", param);
        map.put("keyC", "another_Value");
        String bar = (String) map.get("keyA-1");
        response.getWriter().println(bar); // vigil: safe java/xss
    }

    void mapSameKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        Map<String, Object> map = new HashMap<>();
        map.put("keyA-1", "a_Value");
        map.put("keyB-1", param);
        map.put("keyC", "another_Value");
        String bar = (String) map.get("keyB-1");
        response.getWriter().println(bar); // vigil: expect java/xss
    }

    void mapOverwrittenKey(HttpServletRequest request) throws IOException {
        String param = request.getParameter("cmd");
        Map<String, String> opts = new HashMap<>();
        opts.put("cmd", param);
        opts.put("cmd", "uptime");
        Runtime.getRuntime().exec(opts.get("cmd")); // vigil: safe java/command-injection
    }

    void mapNotOverwrittenKey(HttpServletRequest request) throws IOException {
        String param = request.getParameter("cmd");
        Map<String, String> opts = new HashMap<>();
        opts.put("cmd", "uptime");
        opts.put("cmd", param);
        Runtime.getRuntime().exec(opts.get("cmd")); // vigil: expect java/command-injection
    }

    void listShiftedAfterRemove(HttpServletRequest request) throws SQLException {
        String param = request.getParameter("v");
        List<String> valuesList = new ArrayList<>();
        valuesList.add("safe");
        valuesList.add(param);
        valuesList.add("moresafe");
        valuesList.remove(0); // removes "safe": param is now at 0, "moresafe" at 1
        String bar = valuesList.get(1);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("INSERT INTO t VALUES ('" + bar + "')"); // vigil: safe java/sql-injection
        }
    }

    void listShiftedToTainted(HttpServletRequest request) throws SQLException {
        String param = request.getParameter("v");
        List<String> valuesList = new ArrayList<>();
        valuesList.add("safe");
        valuesList.add(param);
        valuesList.add("moresafe");
        valuesList.remove(0);
        String bar = valuesList.get(0);
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("INSERT INTO t VALUES ('" + bar + "')"); // vigil: expect java/sql-injection
        }
    }

    void listIndexConstant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        List<String> targets = new LinkedList<>();
        targets.add("/home");
        targets.add(param);
        response.sendRedirect(targets.get(0)); // vigil: safe java/open-redirect
    }

    void listIndexTainted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("next");
        List<String> targets = new LinkedList<>();
        targets.add("/home");
        targets.add(param);
        response.sendRedirect(targets.get(1)); // vigil: expect java/open-redirect
    }

    void listAddAtFront(HttpServletRequest request) {
        String param = request.getParameter("v");
        List<String> parts = new ArrayList<>(List.of("a", "b"));
        parts.add(0, param);
        request.getSession().setAttribute("part", parts.get(2)); // vigil: safe java/trust-boundary-violation
    }

    void listAddAtFrontRead(HttpServletRequest request) {
        String param = request.getParameter("v");
        List<String> parts = new ArrayList<>(List.of("a", "b"));
        parts.add(0, param);
        request.getSession().setAttribute("part", parts.get(0)); // vigil: expect java/trust-boundary-violation
    }

    void arrayOtherSlot(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String[] args = {"a", "b", param};
        response.setHeader("X-Arg", args[1]); // vigil: safe java/header-injection
    }

    void arraySameSlot(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        String[] args = {"a", "b", param};
        response.setHeader("X-Arg", args[2]); // vigil: expect java/header-injection
    }

    void arrayAssignedSlot(HttpServletRequest request) throws IOException {
        String param = request.getParameter("v");
        String[] argv = new String[3];
        argv[0] = "ls";
        argv[1] = param;
        argv[2] = "/srv";
        new ProcessBuilder(argv[0], argv[2]).start(); // vigil: safe java/command-injection
    }

    void arrayAssignedSlotUsed(HttpServletRequest request) throws IOException {
        String param = request.getParameter("v");
        String[] argv = new String[3];
        argv[0] = "ls";
        argv[1] = param;
        argv[2] = "/srv";
        new ProcessBuilder(argv[0], argv[1]).start(); // vigil: expect java/command-injection
    }

    void setMembership(HttpServletRequest request) {
        String param = request.getParameter("v");
        Set<String> seen = new HashSet<>();
        seen.add(param);
        boolean known = seen.contains("admin");
        org.slf4j.LoggerFactory.getLogger("audit").info("admin seen: " + known); // vigil: safe java/log-injection
    }

    void setElements(HttpServletRequest request) {
        String param = request.getParameter("v");
        Set<String> seen = new HashSet<>();
        seen.add(param);
        org.slf4j.LoggerFactory.getLogger("audit").info("seen: " + String.join(",", seen)); // vigil: expect java/log-injection
    }

    void mapKeyTaintedValueConstant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        Map<String, String> m = new HashMap<>();
        m.put(param, "constant");
        response.getWriter().println(m.get("x")); // vigil: safe java/xss
    }

    void mapKeysIterated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("v");
        Map<String, String> m = new HashMap<>();
        m.put(param, "constant");
        for (String k : m.keySet()) {
            response.getWriter().println(k); // vigil: expect java/xss
        }
    }
}
