package corpus.taint.sqli.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/** Report filters built with StringBuilder, parameter maps, names and the body. */
public class ReportFilterServlet extends HttpServlet {

    private DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection conn = dataSource.getConnection()) {
            filterByMap(request, conn);
            filterByNames(request, conn);
            filterByBody(request, conn);
        } catch (SQLException e) {
            response.sendError(500);
        }
    }

    void filterByMap(HttpServletRequest request, Connection conn) throws SQLException {
        Map<String, String[]> params = request.getParameterMap();
        StringBuilder where = new StringBuilder("SELECT * FROM report WHERE 1=1");
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            where.append(" AND ").append(e.getKey()).append(" = '").append(e.getValue()[0]).append("'");
        }
        conn.createStatement().executeQuery(where.toString()).close();
    }

    void filterByMapCount(HttpServletRequest request, Connection conn) throws SQLException {
        Map<String, String[]> params = request.getParameterMap();
        StringBuilder where = new StringBuilder("SELECT * FROM report WHERE 1=1");
        where.append(" FETCH FIRST ").append(params.size()).append(" ROWS ONLY");
        conn.createStatement().executeQuery(where.toString()).close();
    }

    void filterByNames(HttpServletRequest request, Connection conn) throws SQLException {
        Enumeration<String> names = request.getParameterNames();
        StringBuffer cols = new StringBuffer();
        while (names.hasMoreElements()) {
            cols.append(names.nextElement()).append(',');
        }
        conn.createStatement().executeQuery("SELECT " + cols + "id FROM report").close();
    }

    void filterByNamesReset(HttpServletRequest request, Connection conn) throws SQLException {
        Enumeration<String> names = request.getParameterNames();
        StringBuffer cols = new StringBuffer();
        while (names.hasMoreElements()) {
            cols.append(names.nextElement()).append(',');
        }
        cols = new StringBuffer("title,");
        conn.createStatement().executeQuery("SELECT " + cols + "id FROM report").close();
    }

    void filterByBody(HttpServletRequest request, Connection conn) throws IOException, SQLException {
        BufferedReader reader = request.getReader();
        String line = reader.readLine();
        String title = line.trim().toLowerCase();
        conn.createStatement().executeUpdate("INSERT INTO report(title) VALUES ('" + title + "')");
    }

    void filterByBodyLength(HttpServletRequest request, Connection conn) throws IOException, SQLException {
        BufferedReader reader = request.getReader();
        String line = reader.readLine();
        int length = line.trim().length();
        conn.createStatement().executeUpdate("INSERT INTO report(size) VALUES (" + length + ")");
    }

    void filterFormatted(HttpServletRequest request, Connection conn) throws SQLException {
        String year = request.getParameter("year");
        String sql = String.format("SELECT * FROM report WHERE year = %s", year);
        conn.createStatement().executeQuery(sql).close();
    }

    void filterFormattedInt(HttpServletRequest request, Connection conn) throws SQLException {
        int year = Integer.parseInt(request.getParameter("year"));
        String sql = String.format("SELECT * FROM report WHERE year = %d", year);
        conn.createStatement().executeQuery(sql).close();
    }
}
