package corpus.misuse.cipher;

/** Central place for cipher names shared by several services. */
public final class CipherSettings {

    public static final String LEGACY_ALGORITHM = "DES";
    public static final String ALGORITHM = "AES";
    public static final String MODE_ECB = "ECB";
    public static final String MODE_GCM = "GCM";
    public static final String NO_PADDING = "NoPadding";
    public static final String PKCS5 = "PKCS5Padding";
    public static final String GCM_TRANSFORMATION = ALGORITHM + "/" + MODE_GCM + "/" + NO_PADDING;

    /** Flipped to true only while the 2019 archive migration ran. */
    public static final boolean USE_LEGACY_FORMAT = false;

    private CipherSettings() {
    }
}
