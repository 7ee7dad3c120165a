package corpus.misuse.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/** Transformation strings that are only known after constant folding. */
public class ResolvedCipherNames {

    private static final String LOCAL_TRANSFORMATION = "Blowfish";
    private static final String LOCAL_STRONG = "AES/GCM/NoPadding";

    private final boolean legacyClient;

    public ResolvedCipherNames(boolean legacyClient) {
        this.legacyClient = legacyClient;
    }

    public Cipher fromLocalConstant() throws GeneralSecurityException {
        return Cipher.getInstance(LOCAL_TRANSFORMATION); // vigil: expect java/weak-cipher
    }

    public Cipher fromLocalStrongConstant() throws GeneralSecurityException {
        return Cipher.getInstance(LOCAL_STRONG); // vigil: safe java/weak-cipher
    }

    public Cipher fromOtherClassConstant() throws GeneralSecurityException {
        return Cipher.getInstance(CipherSettings.LEGACY_ALGORITHM); // vigil: expect java/weak-cipher
    }

    public Cipher fromFoldedConstant() throws GeneralSecurityException {
        return Cipher.getInstance(CipherSettings.GCM_TRANSFORMATION); // vigil: safe java/weak-cipher
    }

    public Cipher concatenatedEcb() throws GeneralSecurityException {
        String transformation = CipherSettings.ALGORITHM + "/" + CipherSettings.MODE_ECB + "/" + CipherSettings.PKCS5;
        return Cipher.getInstance(transformation); // vigil: expect java/weak-cipher
    }

    public Cipher concatenatedGcm() throws GeneralSecurityException {
        String transformation = CipherSettings.ALGORITHM + "/" + CipherSettings.MODE_GCM + "/" + CipherSettings.NO_PADDING;
        return Cipher.getInstance(transformation); // vigil: safe java/weak-cipher
    }

    public Cipher builtWithStringBuilder() throws GeneralSecurityException {
        StringBuilder name = new StringBuilder(CipherSettings.ALGORITHM);
        name.append('/').append(CipherSettings.MODE_ECB).append('/').append(CipherSettings.PKCS5);
        return Cipher.getInstance(name.toString()); // vigil: expect java/weak-cipher
    }

    /** Either branch can run, so the weaker one decides. */
    public Cipher ternaryOnRuntimeFlag() throws GeneralSecurityException {
        String transformation = legacyClient ? "DESede/CBC/PKCS5Padding" : "AES/GCM/NoPadding";
        return Cipher.getInstance(transformation); // vigil: expect java/weak-cipher
    }

    /** The condition is a compile-time constant false, so the DES branch is dead. */
    public Cipher ternaryOnConstantFlag() throws GeneralSecurityException {
        String transformation = CipherSettings.USE_LEGACY_FORMAT ? "DES/CBC/PKCS5Padding" : "AES/GCM/NoPadding";
        return Cipher.getInstance(transformation); // vigil: safe java/weak-cipher
    }

    public Cipher ternaryBothStrong() throws GeneralSecurityException {
        String transformation = legacyClient ? "AES/CBC/PKCS5Padding" : "AES/GCM/NoPadding";
        return Cipher.getInstance(transformation); // vigil: safe java/weak-cipher
    }

    public Cipher fromHelper() throws GeneralSecurityException {
        return Cipher.getInstance(archiveTransformation()); // vigil: expect java/weak-cipher
    }

    public Cipher fromStrongHelper() throws GeneralSecurityException {
        return Cipher.getInstance(vaultTransformation()); // vigil: safe java/weak-cipher
    }

    public Cipher fromParameterizedHelper() throws GeneralSecurityException {
        return Cipher.getInstance(transformation("AES", "ECB")); // vigil: expect java/weak-cipher
    }

    public Cipher fromParameterizedHelperGcm() throws GeneralSecurityException {
        return Cipher.getInstance(transformation("AES", "GCM")); // vigil: safe java/weak-cipher
    }

    private static String archiveTransformation() {
        return "Blowfish/CBC/PKCS5Padding";
    }

    private static String vaultTransformation() {
        return LOCAL_STRONG;
    }

    private static String transformation(String algorithm, String mode) {
        String padding = "GCM".equals(mode) ? "NoPadding" : "PKCS5Padding";
        return algorithm + "/" + mode + "/" + padding;
    }
}
