package com.vigilpets.clinic.avatar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Profile pictures for owners: imported from a URL they give us, or from Gravatar. */
@Service
public class AvatarService {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int maxBytes;

    public AvatarService(@Value("${petclinic.avatar.max-bytes}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** "Use a picture from the web": downloads whatever the owner pasted. */
    public byte[] importFromUrl(String imageUrl) throws IOException {
        try (InputStream in = new URL(imageUrl).openStream()) { // vigil: expect java/ssrf
            return in.readNBytes(maxBytes);
        }
    }

    /** Gravatar lookup by e-mail: the host is fixed, only the hash varies. */
    public byte[] fromGravatar(String email) throws IOException, InterruptedException {
        String hash = sha256Hex(email.trim().toLowerCase(Locale.ROOT));
        URI uri = URI.create("https://www.gravatar.com/avatar/" + hash + "?s=128&d=identicon");
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).GET().build(), // vigil: safe java/ssrf
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("gravatar answered " + response.statusCode());
        }
        return response.body();
    }

    private static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256"); // vigil: safe java/weak-hash
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
