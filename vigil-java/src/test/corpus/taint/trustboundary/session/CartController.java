package corpus.taint.trustboundary.session;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spring handlers that keep client data in the session. */
@RestController
public class CartController {

    enum Currency { EUR, USD, GBP }

    @PostMapping("/cart/coupon")
    public void coupon(@RequestParam String code, HttpSession session) {
        session.setAttribute("coupon", code.strip()); // vigil: expect java/trust-boundary-violation
    }

    @PostMapping("/cart/coupon-checked")
    public void couponChecked(@RequestParam String code, HttpSession session) {
        if (!code.matches("[A-Z0-9]{8}")) {
            throw new IllegalArgumentException("invalid coupon");
        }
        session.setAttribute("coupon", code.strip()); // vigil: safe java/trust-boundary-violation
    }

    @PostMapping("/cart/currency")
    public void currency(@RequestHeader("X-Currency") String currency, HttpSession session) {
        session.setAttribute("currency", Currency.valueOf(currency)); // vigil: safe java/trust-boundary-violation
    }

    @PostMapping("/cart/currency-raw")
    public void currencyRaw(@RequestHeader("X-Currency") String currency, HttpSession session) {
        session.setAttribute("currency", currency); // vigil: expect java/trust-boundary-violation
    }

    @PostMapping("/cart/note")
    public void note(@RequestParam Optional<String> note, HttpSession session) {
        session.setAttribute("note", note.orElse("")); // vigil: expect java/trust-boundary-violation
    }

    @PostMapping("/cart/note-flag")
    public void noteFlag(@RequestParam Optional<String> note, HttpSession session) {
        session.setAttribute("hasNote", note.isPresent()); // vigil: safe java/trust-boundary-violation
    }
}
