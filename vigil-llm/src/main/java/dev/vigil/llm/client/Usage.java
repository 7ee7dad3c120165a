package dev.vigil.llm.client;

/**
 * Tokens one request consumed.
 *
 * @param estimated true when the server sent no usage fields and the counts were estimated from text length
 */
public record Usage(long inputTokens, long outputTokens, boolean estimated) {

    public static final Usage NONE = new Usage(0, 0, false);

    public long total() {
        return inputTokens + outputTokens;
    }
}
