package corpus.taint.sqli.servlet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.ServletException;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** Account search: the classic concatenated queries next to their bound-parameter twins. */
public class AccountSearchServlet extends HttpServlet {

    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try (Connection conn = dataSource.getConnection()) {
            switch (request.getServletPath()) {
                case "/accounts/by-owner" -> byOwner(request, conn);
                case "/accounts/by-owner-bound" -> byOwnerBound(request, conn);
                case "/accounts/by-region" -> byRegion(request, conn);
                case "/accounts/by-id" -> byId(request, conn);
                default -> response.sendError(404);
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    void byOwner(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM accounts WHERE owner = '" + owner + "'");
        rs.close();
    }

    void byOwnerBound(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM accounts WHERE owner = ?");
        ps.setString(1, owner);
        ps.executeQuery().close();
    }

    void byOwnerPrepared(HttpServletRequest request, Connection conn) throws SQLException {
        String owner = request.getParameter("owner");
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM accounts WHERE owner = '" + owner + "'");
        ps.executeQuery().close();
    }

    void byRegion(HttpServletRequest request, Connection conn) throws SQLException {
        String[] regions = request.getParameterValues("region");
        String sql = "SELECT id FROM accounts WHERE region IN ('" + String.join("','", regions) + "')";
        conn.createStatement().executeQuery(sql).close();
    }

    void byRegionCount(HttpServletRequest request, Connection conn) throws SQLException {
        String[] regions = request.getParameterValues("region");
        String sql = "SELECT id FROM accounts FETCH FIRST " + regions.length + " ROWS ONLY";
        conn.createStatement().executeQuery(sql).close();
    }

    void byId(HttpServletRequest request, Connection conn) throws SQLException {
        String id = request.getParameter("id");
        conn.createStatement().execute("DELETE FROM sessions WHERE account_id = " + id);
    }

    void byIdParsed(HttpServletRequest request, Connection conn) throws SQLException {
        long id = Long.parseLong(request.getParameter("id"));
        conn.createStatement().execute("DELETE FROM sessions WHERE account_id = " + id);
    }

    void bySortCookie(HttpServletRequest request, Connection conn) throws SQLException {
        String sort = "name";
        Cookie[] cookies = request.getCookies();
        if (cookies != null && cookies.length > 0) {
            sort = cookies[0].getValue();
        }
        conn.createStatement().executeQuery("SELECT * FROM accounts ORDER BY " + sort).close();
    }

    void bySortCookieChecked(HttpServletRequest request, Connection conn) throws SQLException {
        String sort = "name";
        Cookie[] cookies = request.getCookies();
        if (cookies != null && cookies.length > 0 && cookies[0].getValue().equals("created")) {
            sort = "created";
        }
        conn.createStatement().executeQuery("SELECT * FROM accounts ORDER BY " + sort).close();
    }

    void batchFromHeader(HttpServletRequest request, Connection conn) throws SQLException {
        String tenant = request.getHeader("X-Tenant");
        Statement st = conn.createStatement();
        st.addBatch("UPDATE accounts SET touched = 1 WHERE tenant = '" + tenant + "'");
        st.executeBatch();
    }

    void batchFromHeaderBound(HttpServletRequest request, Connection conn) throws SQLException {
        String tenant = request.getHeader("X-Tenant");
        PreparedStatement ps = conn.prepareStatement("UPDATE accounts SET touched = 1 WHERE tenant = ?");
        ps.setString(1, tenant);
        ps.addBatch();
        ps.executeBatch();
    }

    void callProcedure(HttpServletRequest request, Connection conn) throws SQLException {
        String proc = request.getPathInfo().substring(1);
        conn.prepareCall("{call " + proc + "(?)}").execute();
    }

    void callProcedureFixed(HttpServletRequest request, Connection conn) throws SQLException {
        String arg = request.getPathInfo().substring(1);
        var call = conn.prepareCall("{call refresh_account(?)}");
        call.setString(1, arg);
        call.execute();
    }

    void nativeSql(HttpServletRequest request, Connection conn) throws SQLException {
        String q = request.getQueryString();
        conn.nativeSQL(q);
    }
}
