package dev.vigil.cli.bench;

import dev.vigil.cli.bench.LabelSet.Label;
import dev.vigil.cli.bench.LabelSet.Truth;
import dev.vigil.core.finding.Finding;
import dev.vigil.llm.budget.UsageLedger;
import dev.vigil.llm.triage.Triage;
import dev.vigil.llm.triage.TriageReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of {@code vigil bench triage}: labelled findings matched to the findings a model
 * triaged, and per profile how often its verdict agreed with the label, what it cost and how long it
 * took. Metric definitions in docs/bench.md.
 */
public final class TriageLeaderboard {

    private TriageLeaderboard() {
    }

    /** A labelled finding and the scan finding it refers to. */
    public record Match(Label label, Finding finding) {
    }

    /**
     * Pairs each label with a finding: by fingerprint when the label has one, else by rule id, file
     * and start line. Labels without a finding are returned in {@code unmatched}.
     */
    public record Matching(List<Match> matches, List<Label> unmatched) {
    }

    public static Matching match(List<Label> labels, List<Finding> findings) {
        Map<String, Finding> byFingerprint = new HashMap<>();
        Map<String, Finding> byPlace = new HashMap<>();
        for (Finding f : findings) {
            byFingerprint.putIfAbsent(f.fingerprint(), f);
            byPlace.putIfAbsent(place(f.ruleId(), f.location().file(), f.location().startLine()), f);
        }
        List<Match> matches = new ArrayList<>();
        List<Label> unmatched = new ArrayList<>();
        for (Label l : labels) {
            Finding f = l.fingerprint().isEmpty() ? null : byFingerprint.get(l.fingerprint());
            if (f == null && !l.ruleId().isEmpty()) {
                f = byPlace.get(place(l.ruleId(), l.file(), l.line()));
            }
            if (f == null) {
                unmatched.add(l);
            } else {
                matches.add(new Match(l, f));
            }
        }
        return new Matching(matches, unmatched);
    }

    private static String place(String ruleId, String file, int line) {
        String path = file.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return ruleId + "\u0000" + path + "\u0000" + line;
    }

    /**
     * One profile's row.
     *
     * @param agreement mean share of samples that voted for the majority verdict, or -1 with one sample
     * @param unanimous share of verdicts on which every sample agreed, or -1 with one sample
     * @param failure why the profile stopped answering (every request failed), or null
     */
    public record Row(String profile, String model, int findings, int truePositives, int falsePositives, int correct,
                      int falsePositivesRemoved, int truePositivesLost, int uncertain, int modelErrors,
                      double agreement, double unanimous, long requests, long inputTokens, long outputTokens,
                      double costUsd, long wallMillis, String failure) {

        public double accuracy() {
            return ratio(correct, findings);
        }

        public double falsePositivesRemovedRate() {
            return ratio(falsePositivesRemoved, falsePositives);
        }

        public double truePositivesLostRate() {
            return ratio(truePositivesLost, truePositives);
        }

        public double millisPerFinding() {
            return findings == 0 ? 0 : (double) wallMillis / findings;
        }

        private static double ratio(int n, int d) {
            return d == 0 ? 0 : (double) n / d;
        }
    }

    /**
     * Scores one profile's triage run. {@code matches} and {@code report.findings()} are in the same
     * order (the run triaged exactly the matched findings).
     */
    public static Row score(String profile, String model, List<Match> matches, TriageReport report, long wallMillis) {
        int tps = 0;
        int fps = 0;
        int correct = 0;
        int removed = 0;
        int lost = 0;
        int uncertain = 0;
        int errors = 0;
        double agreementSum = 0;
        int unanimous = 0;
        int voted = 0;
        for (int i = 0; i < matches.size(); i++) {
            Truth truth = matches.get(i).label().truth();
            Map<?, ?> triage = report.findings().get(i).properties().get(Triage.PROPERTY) instanceof Map<?, ?> m ? m : Map.of();
            String verdict = String.valueOf(triage.get("verdict"));
            if (truth == Truth.TRUE_POSITIVE) {
                tps++;
            } else {
                fps++;
            }
            switch (verdict) {
                case "true-positive", "false-positive" -> {
                    if (verdict.equals(truth.label())) {
                        correct++;
                    }
                    if (verdict.equals("false-positive")) {
                        if (truth == Truth.FALSE_POSITIVE) {
                            removed++;
                        } else {
                            lost++;
                        }
                    }
                }
                case "uncertain" -> uncertain++;
                // a model error, or a finding the run never reached because the profile failed: no verdict, so wrong
                default -> errors++;
            }
            if (triage.get("voting") instanceof Map<?, ?> voting && voting.get("agreement") instanceof Number a) {
                agreementSum += a.doubleValue();
                voted++;
                if (a.doubleValue() >= 1.0) {
                    unanimous++;
                }
            }
        }
        long requests = 0;
        long input = 0;
        long output = 0;
        for (UsageLedger.Line line : report.usage().lines()) {
            requests += line.requests();
            input += line.inputTokens();
            output += line.outputTokens();
        }
        return new Row(profile, model, matches.size(), tps, fps, correct, removed, lost, uncertain, errors,
                voted == 0 ? -1 : agreementSum / voted, voted == 0 ? -1 : (double) unanimous / voted,
                requests, input, output, report.usage().totalCost(), wallMillis,
                report.failure());
    }

    /** The whole leaderboard: which labels were used, and one row per profile in the order given. */
    public record Board(String labelsFile, int labels, int matched, int samples, List<String> unmatched, List<Row> rows) {

        public Board {
            unmatched = List.copyOf(unmatched);
            rows = List.copyOf(rows);
        }
    }
}
