package dev.vigil.llm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * POSTs JSON and classifies every way it can fail. Shared by both clients because the failure rules
 * (which statuses are worth a retry, what Retry-After says, what a refusal looks like) do not depend
 * on the wire format.
 */
final class HttpTransport {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 300;

    private final HttpClient http;
    private final Duration timeout;
    private final ApiKey key;

    HttpTransport(Duration timeout, ApiKey key) {
        this.timeout = timeout;
        this.key = key;
        Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
        // HTTP/1.1: local model servers (llama.cpp, Ollama, uvicorn) do not all cope with h2c upgrade requests.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    JsonNode post(URI uri, Map<String, String> headers, JsonNode body) throws ModelCallException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT, 0,
                    "no answer within " + timeout.toMillis() + " ms", null);
        } catch (IOException e) {
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT, 0,
                    "connection failed: " + key.redact(String.valueOf(e.getMessage())), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT, 0, "interrupted", null);
        }
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status / 100 != 2) {
            throw classify(status, text, response.headers().firstValue("Retry-After").orElse(null));
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelCallException(ModelCallException.Kind.TRANSIENT, status,
                    "HTTP " + status + " with a body that is not JSON: " + excerpt(text), null);
        }
    }

    private ModelCallException classify(int status, String body, String retryAfterHeader) {
        String excerpt = excerpt(body);
        String lower = body.toLowerCase(Locale.ROOT);
        String message = "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
        boolean modelMissing = (lower.contains("model") && (lower.contains("not found") || lower.contains("does not exist")
                || lower.contains("not_found") || lower.contains("unknown model")));
        boolean regionBlocked = lower.contains("region") || lower.contains("country") || lower.contains("territory");
        if (status == 401 || status == 403) {
            String why = status == 401 ? "authentication failed" : regionBlocked ? "access blocked for this region" : "access denied";
            return new ModelCallException(ModelCallException.Kind.REFUSED, status, why + " (" + message + ")", null);
        }
        if (status == 404 || (status / 100 == 4 && modelMissing)) {
            return new ModelCallException(ModelCallException.Kind.REFUSED, status,
                    "model or endpoint not found (" + message + ")", null);
        }
        if (status == 451 || (status / 100 == 4 && status != 429 && regionBlocked)) {
            return new ModelCallException(ModelCallException.Kind.REFUSED, status,
                    "access blocked for this region (" + message + ")", null);
        }
        if (status == 408 || status == 409 || status == 425 || status == 429 || status / 100 == 5) {
            return new ModelCallException(ModelCallException.Kind.TRANSIENT, status, message, retryAfter(retryAfterHeader));
        }
        return new ModelCallException(ModelCallException.Kind.REJECTED, status, "request rejected (" + message + ")", null);
    }

    /** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            double seconds = Double.parseDouble(h);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private String excerpt(String body) {
        String oneLine = key.redact(body).replaceAll("\\s+", " ").trim();
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "...";
    }

    /** {@code base} with {@code path} appended, keeping any path the base already has. */
    static URI resolve(URI base, String path) {
        String b = base.toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + path);
    }
}
