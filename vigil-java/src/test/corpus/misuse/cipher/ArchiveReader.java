package corpus.misuse.cipher;

import static corpus.misuse.cipher.CipherSettings.GCM_TRANSFORMATION;
import static corpus.misuse.cipher.CipherSettings.LEGACY_ALGORITHM;
import static corpus.misuse.cipher.CipherSettings.MODE_ECB;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/** Reads the 2019 archive format; names come in through static imports. */
public class ArchiveReader {

    public Cipher legacyArchive() throws GeneralSecurityException {
        return Cipher.getInstance(LEGACY_ALGORITHM + "/" + MODE_ECB + "/PKCS5Padding"); // vigil: expect java/weak-cipher
    }

    public Cipher currentArchive() throws GeneralSecurityException {
        return Cipher.getInstance(GCM_TRANSFORMATION); // vigil: safe java/weak-cipher
    }

    /** A field initialised once from a constant and never reassigned. */
    private final String indexTransformation = "AES/" + MODE_ECB + "/NoPadding";
    private final String bodyTransformation = GCM_TRANSFORMATION;

    public Cipher index() throws GeneralSecurityException {
        return Cipher.getInstance(indexTransformation); // vigil: expect java/weak-cipher
    }

    public Cipher body() throws GeneralSecurityException {
        return Cipher.getInstance(bodyTransformation); // vigil: safe java/weak-cipher
    }
}
