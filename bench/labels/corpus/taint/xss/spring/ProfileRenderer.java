package corpus.taint.xss.spring;

import org.springframework.web.util.HtmlUtils;

/** Builds HTML fragments; whether its result is dangerous depends on what the caller passes. */
class ProfileRenderer {

    String card(String bio) {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class='card'>");
        sb.append(bio);
        sb.append("</div>");
        return sb.toString();
    }

    String cardEscaped(String bio) {
        return card(HtmlUtils.htmlEscape(bio));
    }

    /** Ignores its argument: always the same markup. */
    String placeholder(String bio) {
        return "<div class='card'>(no bio)</div>";
    }
}
