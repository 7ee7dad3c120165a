package dev.vigil.llm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.llm.session.RetryPolicy;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void readsSecondsAndHttpDatesAndIgnoresGarbage() {
        assertEquals(Duration.ofSeconds(2), HttpTransport.retryAfter("2"));
        assertEquals(Duration.ofMillis(1500), HttpTransport.retryAfter(" 1.5 "));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        Duration d = HttpTransport.retryAfter(inTenSeconds);
        assertTrue(d.compareTo(Duration.ofSeconds(8)) >= 0 && d.compareTo(Duration.ofSeconds(11)) <= 0, d.toString());
        assertEquals(Duration.ZERO, HttpTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(HttpTransport.retryAfter("soon"));
        assertNull(HttpTransport.retryAfter("-3"));
        assertNull(HttpTransport.retryAfter(null));
    }

    @Test
    void backoffGrowsExponentiallyWithBoundedJitter() {
        RetryPolicy p = new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
        for (int i = 0; i < 50; i++) {
            long first = p.backoff(0).toMillis();
            long third = p.backoff(2).toMillis();
            long capped = p.backoff(30).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(capped >= 500 && capped <= 1000, "capped " + capped);
        }
    }

    @Test
    void apiKeyNeverPrintsAndRedactsEchoes() {
        ApiKey key = ApiKey.fromEnvironment(new dev.vigil.llm.config.ModelProfile("p", dev.vigil.llm.config.Provider.OPENAI,
                java.net.URI.create("http://127.0.0.1:1/v1"), "m", "K", null, 1, 4096, 0, 0, null, 0),
                java.util.Map.of("K", "sk-proj-abcdefgh12345678zyxwvuts"));
        assertEquals("ApiKey[[redacted]]", key.toString());
        assertEquals("bad key [redacted]", key.redact("bad key sk-proj-abcdefgh12345678zyxwvuts"));
        assertEquals("bad key [redacted]...[redacted]", key.redact("bad key sk-proj-...zyxwvuts"));
    }
}
