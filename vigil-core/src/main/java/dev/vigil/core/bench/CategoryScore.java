package dev.vigil.core.bench;

/** The score of one tool on one category of test cases. */
public record CategoryScore(String category, int cwe, Counts counts) {
}
