package dev.vigil.llm.budget;

import dev.vigil.llm.client.Usage;
import dev.vigil.llm.config.ModelProfile;
import dev.vigil.llm.config.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token and cost accounting per stage and profile, for the summary and the SARIF/JSON run properties. */
public final class UsageLedger {

    /** Totals for one stage on one profile. */
    public record Line(String stage, String profile, String model, long requests, long cacheHits, long inputTokens,
                       long outputTokens, long estimatedRequests, double cost) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", stage);
            m.put("profile", profile);
            m.put("model", model);
            m.put("requests", requests);
            m.put("cacheHits", cacheHits);
            m.put("inputTokens", inputTokens);
            m.put("outputTokens", outputTokens);
            m.put("estimatedRequests", estimatedRequests);
            m.put("costUsd", Math.round(cost * 1e6) / 1e6);
            return m;
        }
    }

    private static final class Counter {
        final String model;
        long requests;
        long cacheHits;
        long input;
        long output;
        long estimated;
        double cost;

        Counter(String model) {
            this.model = model;
        }
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    private Counter counter(Stage stage, ModelProfile profile) {
        String key = stage.label() + "\u0000" + profile.name();
        return counters.computeIfAbsent(key, k -> {
            synchronized (order) {
                order.add(k);
            }
            return new Counter(profile.model());
        });
    }

    /** A request that reached the server (or, in a dry run, would have). */
    public void recordRequest(Stage stage, ModelProfile profile, Usage usage) {
        Counter c = counter(stage, profile);
        synchronized (c) {
            c.requests++;
            c.input += usage.inputTokens();
            c.output += usage.outputTokens();
            c.estimated += usage.estimated() ? 1 : 0;
            c.cost += profile.cost(usage.inputTokens(), usage.outputTokens());
        }
    }

    public void recordCacheHit(Stage stage, ModelProfile profile) {
        Counter c = counter(stage, profile);
        synchronized (c) {
            c.cacheHits++;
        }
    }

    public List<Line> lines() {
        List<String> keys;
        synchronized (order) {
            keys = List.copyOf(order);
        }
        List<Line> out = new ArrayList<>();
        for (String k : keys) {
            Counter c = counters.get(k);
            String[] parts = k.split("\u0000", 2);
            synchronized (c) {
                out.add(new Line(parts[0], parts[1], c.model, c.requests, c.cacheHits, c.input, c.output, c.estimated, c.cost));
            }
        }
        return out;
    }

    public long totalRequests() {
        return lines().stream().mapToLong(Line::requests).sum();
    }

    public long totalTokens() {
        return lines().stream().mapToLong(l -> l.inputTokens() + l.outputTokens()).sum();
    }

    public double totalCost() {
        return lines().stream().mapToDouble(Line::cost).sum();
    }

    /** JSON-friendly form for run properties. */
    public List<Map<String, Object>> toProperties() {
        return lines().stream().map(Line::toMap).toList();
    }

    /** One line per stage and profile, for the stderr summary. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        for (Line l : lines()) {
            out.add(String.format(Locale.ROOT, "%s via %s (%s): %d requests, %d cache hits, %d input + %d output tokens%s, $%.4f",
                    l.stage(), l.profile(), l.model(), l.requests(), l.cacheHits(), l.inputTokens(), l.outputTokens(),
                    l.estimatedRequests() > 0 ? " (" + l.estimatedRequests() + " estimated)" : "", l.cost()));
        }
        return out;
    }
}
