package dev.vigil.core.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a source file into text. Order of trust: a byte order mark, then strict UTF-8
 * (what javac and most projects use), then the project's declared encoding, and only then
 * ISO-8859-1, which accepts any byte sequence and so never loses the file but may garble non-ASCII
 * characters; the caller warns the user in that case.
 */
final class SourceDecoder {

    /** The outcome of decoding one file. */
    sealed interface Result {
        /** @param fallback why a non-UTF-8 charset was chosen, or null when the file was plain UTF-8 or had a BOM */
        record Text(String text, Charset charset, boolean bom, Fallback fallback) implements Result {
        }

        record Binary() implements Result {
        }
    }

    enum Fallback { DECLARED, LATIN1 }

    private SourceDecoder() {
    }

    static Result decode(byte[] bytes, Charset declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            String utf8 = strict(bytes, 3, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return new Result.Text(utf8, StandardCharsets.UTF_8, true, null);
            }
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Result.Text(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE, true, null);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Result.Text(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE, true, null);
        }
        // No text encoding a Java compiler accepts without a BOM produces NUL bytes.
        for (byte b : bytes) {
            if (b == 0) {
                return new Result.Binary();
            }
        }
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Result.Text(utf8, StandardCharsets.UTF_8, false, null);
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            String text = strict(bytes, 0, declared);
            if (text != null) {
                return new Result.Text(text, declared, false, Fallback.DECLARED);
            }
        }
        return new Result.Text(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1, false,
                Fallback.LATIN1);
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The dominant line separator, so fixes can write lines back the way the file has them. */
    static String lineSeparator(String text) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        return cr > lf ? "\r" : "\n";
    }
}
