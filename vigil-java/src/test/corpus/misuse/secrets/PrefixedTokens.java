package corpus.misuse.secrets;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * Tokens with well-known vendor prefixes. A pattern or a prefix check that only
 * mentions the prefix is not a secret.
 */
public class PrefixedTokens {

    private static final String GITHUB_TOKEN = "ghp_R7c2pL9qXw4ZkT1mV8nB3sD6fH0jY5aE2uGi"; // vigil: expect java/hardcoded-credentials
    private static final String AWS_ACCESS_KEY_ID = "AKIA4QJ7ZC2RLMXW3T5N"; // vigil: expect java/hardcoded-credentials
    private static final Pattern GITHUB_TOKEN_SHAPE = Pattern.compile("ghp_[A-Za-z0-9]{36}"); // vigil: safe java/hardcoded-credentials
    private static final String AWS_KEY_PREFIX = "AKIA"; // vigil: safe java/hardcoded-credentials

    public HttpRequest listRepositories() {
        return HttpRequest.newBuilder(URI.create("https://api.github.com/user/repos"))
                .header("Authorization", "Bearer " + GITHUB_TOKEN)
                .build();
    }

    public HttpRequest listRepositoriesWithEnvToken() {
        String token = System.getenv("GITHUB_TOKEN"); // vigil: safe java/hardcoded-credentials
        return HttpRequest.newBuilder(URI.create("https://api.github.com/user/repos"))
                .header("Authorization", "Bearer " + token)
                .build();
    }

    public boolean looksLikeGithubToken(String candidate) {
        return GITHUB_TOKEN_SHAPE.matcher(candidate).matches();
    }

    public boolean looksLikeAwsKey(String candidate) {
        return candidate.startsWith(AWS_KEY_PREFIX) && candidate.length() == AWS_ACCESS_KEY_ID.length();
    }
}
