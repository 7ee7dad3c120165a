package dev.vigil.llm.client;

import dev.vigil.llm.config.ModelProfile;

/** One attempt at one request against one profile; retries and failover live in the caller. */
public sealed interface ModelClient permits OpenAiClient, AnthropicClient {

    ChatResponse send(ChatRequest request) throws ModelCallException;

    ModelProfile profile();

    /** A client for the profile's provider, with the key read from the environment variable it names. */
    static ModelClient forProfile(ModelProfile profile, java.util.Map<String, String> env) {
        ApiKey key = ApiKey.fromEnvironment(profile, env);
        return switch (profile.provider()) {
            case OPENAI -> new OpenAiClient(profile, key);
            case ANTHROPIC -> new AnthropicClient(profile, key);
        };
    }
}
