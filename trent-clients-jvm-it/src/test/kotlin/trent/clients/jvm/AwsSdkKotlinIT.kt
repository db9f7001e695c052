package trent.clients.jvm

import aws.sdk.kotlin.runtime.auth.credentials.StaticCredentialsProvider
import aws.sdk.kotlin.services.kms.KmsClient
import aws.sdk.kotlin.services.kms.createAlias
import aws.sdk.kotlin.services.kms.createKey
import aws.sdk.kotlin.services.kms.decrypt
import aws.sdk.kotlin.services.kms.describeKey
import aws.sdk.kotlin.services.kms.disableKey
import aws.sdk.kotlin.services.kms.generateDataKeyWithoutPlaintext
import aws.sdk.kotlin.services.kms.model.DataKeySpec
import aws.sdk.kotlin.services.kms.model.DisabledException
import aws.sdk.kotlin.services.kms.model.EncryptionAlgorithmSpec
import aws.sdk.kotlin.services.kms.model.InvalidCiphertextException
import aws.sdk.kotlin.services.kms.model.KeyState
import aws.sdk.kotlin.services.kms.model.NotFoundException
import aws.smithy.kotlin.runtime.ServiceException
import aws.smithy.kotlin.runtime.http.HttpStatusCode
import aws.smithy.kotlin.runtime.http.response.HttpResponse
import aws.smithy.kotlin.runtime.net.url.Url
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import trent.junit.TrentExtension

/**
 * Client compatibility: the AWS SDK for Kotlin (`aws.sdk.kotlin:kms`), unchanged, its
 * `KmsClient` pointed at a real Trent with `endpointUrl`.
 */
class AwsSdkKotlinIT {

    companion object {
        @JvmField
        @RegisterExtension
        val trent = TrentExtension()

        lateinit var kms: KmsClient
        lateinit var key: String // its key id

        @JvmStatic
        @BeforeAll
        fun client() {
            runBlocking {
                // The README's example (retries off, so that an error is seen as Trent answered it).
                kms = KmsClient {
                    region = "us-east-1"
                    endpointUrl = Url.parse(trent.endpoint().toString())
                    credentialsProvider = StaticCredentialsProvider {
                        accessKeyId = "AKIDEXAMPLE"
                        secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
                    }
                    retryStrategy { maxAttempts = 1 }
                }
                key = kms.createKey { description = "from Kotlin" }.keyMetadata!!.keyId
                kms.createAlias {
                    aliasName = "alias/from-kotlin"
                    targetKeyId = key
                }
            }
        }

        @JvmStatic
        @AfterAll
        fun shutdown() = kms.close()

        fun arn(keyId: String) = "arn:aws:kms:us-east-1:${trent.account()}:key/$keyId"

        fun aesGcm(mode: Int, key: ByteArray, iv: ByteArray, input: ByteArray): ByteArray =
            Cipher.getInstance("AES/GCM/NoPadding")
                .apply { init(mode, SecretKeySpec(key, "AES"), GCMParameterSpec(128, iv)) }
                .doFinal(input)
    }

    @Test
    fun `CreateKey, CreateAlias, then DescribeKey by the alias`() = runBlocking {
        val described = kms.describeKey { keyId = "alias/from-kotlin" }.keyMetadata!!

        assertThat(described.keyId).isEqualTo(key)
        assertThat(described.arn).isEqualTo(arn(key))
        assertThat(described.description).isEqualTo("from Kotlin")
        assertThat(described.keyState).isEqualTo(KeyState.Enabled)
        assertThat(described.creationDate).isNotNull()
        Unit
    }

    @Test
    fun `GenerateDataKeyWithoutPlaintext, Decrypt, then AES-256-GCM locally`() = runBlocking {
        val context = mapOf("purpose" to "test")
        val generated = kms.generateDataKeyWithoutPlaintext {
            keyId = "alias/from-kotlin"
            keySpec = DataKeySpec.Aes256
            encryptionContext = context
        }
        assertThat(generated.keyId).isEqualTo(arn(key))
        val storedKey = generated.ciphertextBlob!!

        val dataKey = kms.decrypt {
            ciphertextBlob = storedKey
            encryptionContext = context
        }.plaintext!!
        assertThat(dataKey).hasSize(32)
        val message = "a message for the data plane ".repeat(20).toByteArray()
        val iv = ByteArray(12).also { SecureRandom().nextBytes(it) }
        val sealed = aesGcm(Cipher.ENCRYPT_MODE, dataKey, iv, message)

        // Later: the stored encrypted data key is decrypted again to open the message.
        val again = kms.decrypt {
            ciphertextBlob = storedKey
            encryptionContext = context
        }
        assertThat(again.keyId).isEqualTo(arn(key))
        assertThat(again.encryptionAlgorithm).isEqualTo(EncryptionAlgorithmSpec.SymmetricDefault)
        assertThat(aesGcm(Cipher.DECRYPT_MODE, again.plaintext!!, iv, sealed)).isEqualTo(message)
        Unit
    }

    @Test
    fun `an unknown key is a NotFoundException with AWS's message`() = runBlocking {
        val e = assertThrows<NotFoundException> { runBlocking { kms.describeKey { keyId = "nope" } } }

        assertThat(e.sdkErrorMetadata.errorCode).isEqualTo("NotFoundException")
        assertThat(e.sdkErrorMetadata.errorMessage).isEqualTo("Invalid keyId 'nope'")
        assertThat(e.sdkErrorMetadata.errorType).isEqualTo(ServiceException.ErrorType.Client)
        assertThat((e.sdkErrorMetadata.protocolResponse as HttpResponse).status).isEqualTo(HttpStatusCode.BadRequest)
        Unit
    }

    @Test
    fun `a data key under another encryption context is an InvalidCiphertextException`() = runBlocking {
        val storedKey = kms.generateDataKeyWithoutPlaintext {
            keyId = key
            numberOfBytes = 64
            encryptionContext = mapOf("purpose" to "test")
        }.ciphertextBlob!!

        assertThrows<InvalidCiphertextException> {
            runBlocking {
                kms.decrypt {
                    ciphertextBlob = storedKey
                    encryptionContext = mapOf("purpose" to "prod")
                }
            }
        }
        Unit
    }

    @Test
    fun `a disabled key is a DisabledException naming its ARN`() = runBlocking {
        val disabled = kms.createKey {}.keyMetadata!!
        kms.disableKey { keyId = disabled.keyId }

        val e = assertThrows<DisabledException> {
            runBlocking {
                kms.generateDataKeyWithoutPlaintext {
                    keyId = disabled.arn
                    keySpec = DataKeySpec.Aes256
                }
            }
        }
        assertThat(e.sdkErrorMetadata.errorMessage).isEqualTo("${disabled.arn} is disabled.")
        Unit
    }
}
