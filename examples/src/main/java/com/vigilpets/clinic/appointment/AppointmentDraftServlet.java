package com.vigilpets.clinic.appointment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Base64;

/**
 * Re-opens the booking form with the owner's saved draft. The booking page's
 * script keeps the draft in a cookie: "draft" (format of release 1.x, a
 * serialized object) or "draft-v2" (JSON, since 1.3).
 */
@WebServlet("/appointments/continue")
public class AppointmentDraftServlet extends HttpServlet {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        AppointmentDraft draft = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("draft-v2".equals(cookie.getName())) {
                    draft = fromJson(cookie.getValue());
                } else if ("draft".equals(cookie.getName()) && draft == null) {
                    draft = fromLegacyCookie(cookie.getValue());
                }
            }
        }
        request.setAttribute("draft", draft);
        request.getRequestDispatcher("/WEB-INF/views/booking.jsp").forward(request, response);
    }

    private static AppointmentDraft fromJson(String cookieValue) throws IOException {
        byte[] json = Base64.getUrlDecoder().decode(cookieValue);
        return MAPPER.readValue(json, AppointmentDraft.class); // vigil: safe java/unsafe-deserialization
    }

    private static AppointmentDraft fromLegacyCookie(String cookieValue) throws IOException {
        byte[] bytes = Base64.getUrlDecoder().decode(cookieValue);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (AppointmentDraft) in.readObject(); // vigil: expect java/unsafe-deserialization
        } catch (ClassNotFoundException e) {
            throw new IOException("unreadable draft", e);
        }
    }
}
