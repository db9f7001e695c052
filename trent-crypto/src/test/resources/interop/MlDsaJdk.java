import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Run by MlDsaInteropTest under a JDK with ML-DSA (JDK 24+, JEP 497), never compiled into Trent.
 * Args: parameter set, Trent's SubjectPublicKeyInfo, message, Trent's signature (hex).
 * Prints: "verified=true|false", then a fresh JDK key's SubjectPublicKeyInfo and its signature of
 * the same message (hex), one per line.
 */
public class MlDsaJdk {
  public static void main(String[] args) throws Exception {
    HexFormat hex = HexFormat.of();
    byte[] message = hex.parseHex(args[2]);
    PublicKey trentKey =
        KeyFactory.getInstance("ML-DSA").generatePublic(new X509EncodedKeySpec(hex.parseHex(args[1])));
    Signature verifier = Signature.getInstance(args[0]);
    verifier.initVerify(trentKey);
    verifier.update(message);
    System.out.println("verified=" + verifier.verify(hex.parseHex(args[3])));

    KeyPair jdkPair = KeyPairGenerator.getInstance(args[0]).generateKeyPair();
    Signature signer = Signature.getInstance(args[0]);
    signer.initSign(jdkPair.getPrivate());
    signer.update(message);
    System.out.println(hex.formatHex(jdkPair.getPublic().getEncoded()));
    System.out.println(hex.formatHex(signer.sign()));
  }
}
