/**
 * The PKCS#11 root of trust: the root key lives in a hardware security module and never leaves
 * it; wrapping is AES-256-GCM inside the token, through the JDK's SunPKCS11 provider (no other
 * library).
 *
 * <p>Its own module because it loads a native library chosen by the operator and its tests need
 * SoftHSM2. It knows the root-of-trust SPI and the shared wrapped format from {@code trent-crypto}
 * and nothing of keyrings, keys or storage; the server decides when to use it.
 */
package trent.rot.pkcs11;
