package corpus.misuse.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Spring-injected cipher names; the placeholders resolve against crypto.properties. */
@Component
public class ConfiguredPaymentCipher {

    @Value("${payments.cipher:AES/GCM/NoPadding}")
    private String paymentsCipher;

    @Value("${statements.cipher:DES}")
    private String statementsCipher;

    public Cipher payments() throws GeneralSecurityException {
        return Cipher.getInstance(paymentsCipher); // vigil: expect java/weak-cipher
    }

    public Cipher statements() throws GeneralSecurityException {
        return Cipher.getInstance(statementsCipher); // vigil: safe java/weak-cipher
    }
}
