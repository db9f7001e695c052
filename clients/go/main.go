// Client compatibility: the AWS SDK for Go v2 (Debian's golang-github-aws-aws-sdk-go-v2-dev, its
// service/kms client) against a running Trent.
//
// Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT bash clients/go/test.sh
//
// Prints "ok: ..." or "FAILED: ..." per check and "N passed, N failed" at the end; exits 1 when a
// check failed.
package main

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

const account = "111122223333"

var passed, failed int

// check runs one check and reports it; a check fails by returning an error.
func check(name string, fn func() error) {
	if err := fn(); err != nil {
		failed++
		fmt.Printf("FAILED: %s: %v\n", name, err)
		return
	}
	passed++
	fmt.Printf("ok: %s\n", name)
}

func arn(keyID string) string { return "arn:aws:kms:us-east-1:" + account + ":key/" + keyID }

// seal encrypts a message locally with AES-256-GCM under a data key.
func seal(key, message []byte) (nonce, sealed []byte, err error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, nil, err
	}
	nonce = make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, nil, err
	}
	return nonce, gcm.Seal(nil, nonce, message, nil), nil
}

func open(key, nonce, sealed []byte) ([]byte, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return gcm.Open(nil, nonce, sealed, nil)
}

// apiError checks that err is an AWS error of the given HTTP status whose code and message are
// those given (an empty message is not checked).
func apiError(err error, status int, code, message string) error {
	if err == nil {
		return errors.New("no error")
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return fmt.Errorf("not an API error: %v", err)
	}
	if apiErr.ErrorCode() != code || (message != "" && apiErr.ErrorMessage() != message) {
		return fmt.Errorf("got %s %q, want %s %q", apiErr.ErrorCode(), apiErr.ErrorMessage(), code, message)
	}
	if apiErr.ErrorFault() != smithy.FaultClient {
		return fmt.Errorf("fault %v, want client", apiErr.ErrorFault())
	}
	var httpErr *smithyhttp.ResponseError
	if !errors.As(err, &httpErr) || httpErr.HTTPStatusCode() != status {
		return fmt.Errorf("not an HTTP %d response: %v", status, err)
	}
	return nil
}

func main() {
	endpoint := os.Getenv("TRENT_ENDPOINT")
	if endpoint == "" {
		fmt.Println("set TRENT_ENDPOINT to the URL Trent printed")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	run := fmt.Sprintf("%d", time.Now().UnixNano()%1000000000)

	// The README's client, with retries off so that an error is seen as Trent answered it.
	kmsClient := kms.New(kms.Options{
		Region:           "us-east-1",
		EndpointResolver: kms.EndpointResolverFromURL(endpoint),
		Credentials: credentials.NewStaticCredentialsProvider(
			"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""),
		RetryMaxAttempts: 1,
	})

	// The README's example.
	created, err := kmsClient.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String("from Go")})
	if err != nil {
		fmt.Printf("FAILED: CreateKey: %v\n0 passed, 1 failed\n", err)
		os.Exit(1)
	}
	keyID := aws.ToString(created.KeyMetadata.KeyId)
	alias := "alias/from-go-" + run

	check("CreateKey, CreateAlias, then DescribeKey by the alias", func() error {
		if _, err := kmsClient.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String(alias), TargetKeyId: aws.String(keyID)}); err != nil {
			return err
		}
		described, err := kmsClient.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String(alias)})
		if err != nil {
			return err
		}
		m := described.KeyMetadata
		if aws.ToString(m.KeyId) != keyID || aws.ToString(m.Arn) != arn(keyID) || aws.ToString(m.Description) != "from Go" ||
			m.KeyState != types.KeyStateEnabled || m.KeySpec != types.KeySpecSymmetricDefault ||
			m.KeyUsage != types.KeyUsageTypeEncryptDecrypt || m.CreationDate == nil || !m.Enabled {
			return fmt.Errorf("unexpected metadata: %+v", *m)
		}
		return nil
	})

	check("GenerateDataKeyWithoutPlaintext, Decrypt, then AES-256-GCM locally with crypto/cipher", func() error {
		encryptionContext := map[string]string{"purpose": "test"}
		generated, err := kmsClient.GenerateDataKeyWithoutPlaintext(ctx, &kms.GenerateDataKeyWithoutPlaintextInput{
			KeyId: aws.String(alias), KeySpec: types.DataKeySpecAes256, EncryptionContext: encryptionContext,
		})
		if err != nil {
			return err
		}
		if aws.ToString(generated.KeyId) != arn(keyID) || len(generated.CiphertextBlob) == 0 {
			return fmt.Errorf("unexpected answer: %+v", *generated)
		}
		decrypted, err := kmsClient.Decrypt(ctx, &kms.DecryptInput{
			CiphertextBlob: generated.CiphertextBlob, EncryptionContext: encryptionContext,
		})
		if err != nil {
			return err
		}
		if len(decrypted.Plaintext) != 32 {
			return fmt.Errorf("data key of %d bytes", len(decrypted.Plaintext))
		}
		message := []byte(strings.Repeat("a message for the data plane ", 20))
		nonce, sealed, err := seal(decrypted.Plaintext, message)
		if err != nil {
			return err
		}

		// Later: the stored encrypted data key is decrypted again to open the message.
		again, err := kmsClient.Decrypt(ctx, &kms.DecryptInput{
			CiphertextBlob: generated.CiphertextBlob, EncryptionContext: encryptionContext,
		})
		if err != nil {
			return err
		}
		if aws.ToString(again.KeyId) != arn(keyID) || again.EncryptionAlgorithm != types.EncryptionAlgorithmSpecSymmetricDefault {
			return fmt.Errorf("unexpected Decrypt answer: KeyId %s, algorithm %s", aws.ToString(again.KeyId), again.EncryptionAlgorithm)
		}
		opened, err := open(again.Plaintext, nonce, sealed)
		if err != nil {
			return err
		}
		if !bytes.Equal(opened, message) {
			return errors.New("the opened message differs")
		}
		return nil
	})

	check("GenerateDataKeyWithoutPlaintext with NumberOfBytes 64", func() error {
		generated, err := kmsClient.GenerateDataKeyWithoutPlaintext(ctx, &kms.GenerateDataKeyWithoutPlaintextInput{
			KeyId: aws.String(keyID), NumberOfBytes: aws.Int32(64),
		})
		if err != nil {
			return err
		}
		decrypted, err := kmsClient.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: generated.CiphertextBlob})
		if err != nil {
			return err
		}
		if len(decrypted.Plaintext) != 64 {
			return fmt.Errorf("%d bytes", len(decrypted.Plaintext))
		}
		return nil
	})

	check("an unknown key is a *types.NotFoundException with AWS's message", func() error {
		_, err := kmsClient.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("nope")})
		var notFound *types.NotFoundException
		if !errors.As(err, &notFound) {
			return fmt.Errorf("not a *types.NotFoundException: %v", err)
		}
		return apiError(err, 400, "NotFoundException", "Invalid keyId 'nope'")
	})

	check("a data key under another encryption context is a *types.InvalidCiphertextException", func() error {
		generated, err := kmsClient.GenerateDataKeyWithoutPlaintext(ctx, &kms.GenerateDataKeyWithoutPlaintextInput{
			KeyId: aws.String(alias), KeySpec: types.DataKeySpecAes256, EncryptionContext: map[string]string{"purpose": "test"},
		})
		if err != nil {
			return err
		}
		_, err = kmsClient.Decrypt(ctx, &kms.DecryptInput{
			CiphertextBlob: generated.CiphertextBlob, EncryptionContext: map[string]string{"purpose": "prod"},
		})
		var invalid *types.InvalidCiphertextException
		if !errors.As(err, &invalid) {
			return fmt.Errorf("not a *types.InvalidCiphertextException: %v", err)
		}
		return apiError(err, 400, "InvalidCiphertextException", "")
	})

	check("a disabled key is a *types.DisabledException naming its ARN", func() error {
		key, err := kmsClient.CreateKey(ctx, &kms.CreateKeyInput{})
		if err != nil {
			return err
		}
		keyArn := aws.ToString(key.KeyMetadata.Arn)
		if _, err := kmsClient.DisableKey(ctx, &kms.DisableKeyInput{KeyId: aws.String(keyArn)}); err != nil {
			return err
		}
		_, err = kmsClient.GenerateDataKeyWithoutPlaintext(ctx, &kms.GenerateDataKeyWithoutPlaintextInput{
			KeyId: aws.String(keyArn), KeySpec: types.DataKeySpecAes256,
		})
		var disabled *types.DisabledException
		if !errors.As(err, &disabled) {
			return fmt.Errorf("not a *types.DisabledException: %v", err)
		}
		return apiError(err, 400, "DisabledException", keyArn+" is disabled.")
	})

	check("GetParametersForImport on a key with KMS-made material is a *types.UnsupportedOperationException", func() error {
		// AWS answers so for a key whose origin is not EXTERNAL (recorded text, OPERATIONS.md).
		_, err := kmsClient.GetParametersForImport(ctx, &kms.GetParametersForImportInput{KeyId: aws.String(keyID),
			WrappingAlgorithm: types.AlgorithmSpecRsaesOaepSha256, WrappingKeySpec: types.WrappingKeySpecRsa2048})
		var unsupported *types.UnsupportedOperationException
		if !errors.As(err, &unsupported) {
			return fmt.Errorf("not a *types.UnsupportedOperationException: %v", err)
		}
		return apiError(err, 400, "UnsupportedOperationException", arn(keyID)+" origin is AWS_KMS which is not valid for this operation.")
	})

	check("a request the model refuses is an operation error before it is sent", func() error {
		_, err := kmsClient.Decrypt(ctx, &kms.DecryptInput{})
		var opErr *smithy.OperationError
		if !errors.As(err, &opErr) || opErr.Operation() != "Decrypt" {
			return fmt.Errorf("not an operation error of Decrypt: %v", err)
		}
		var invalidParams smithy.InvalidParamsError
		if !errors.As(err, &invalidParams) {
			return fmt.Errorf("not an InvalidParamsError: %v", err)
		}
		return nil
	})

	check("ListAliasesPaginator walks every page", func() error {
		var names []string
		for i := 1; i <= 3; i++ {
			name := fmt.Sprintf("alias/go-paged-%s-%d", run, i)
			if _, err := kmsClient.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String(name), TargetKeyId: aws.String(keyID)}); err != nil {
				return err
			}
			names = append(names, name)
		}
		paginator := kms.NewListAliasesPaginator(kmsClient, &kms.ListAliasesInput{KeyId: aws.String(keyID), Limit: aws.Int32(1)})
		var got []string
		pages := 0
		for paginator.HasMorePages() {
			page, err := paginator.NextPage(ctx)
			if err != nil {
				return err
			}
			pages++
			for _, a := range page.Aliases {
				got = append(got, aws.ToString(a.AliasName))
			}
		}
		want := append([]string{alias}, names...)
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, ",") != strings.Join(want, ",") || pages != 4 {
			return fmt.Errorf("%d pages of %v, want 4 pages of %v", pages, got, want)
		}
		return nil
	})

	check("Encrypt then Decrypt of a small secret", func() error {
		encrypted, err := kmsClient.Encrypt(ctx, &kms.EncryptInput{KeyId: aws.String(alias), Plaintext: []byte("my data")})
		if err != nil {
			return err
		}
		decrypted, err := kmsClient.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: encrypted.CiphertextBlob})
		if err != nil {
			return err
		}
		if string(decrypted.Plaintext) != "my data" || aws.ToString(decrypted.KeyId) != arn(keyID) {
			return fmt.Errorf("got %q from %s", decrypted.Plaintext, aws.ToString(decrypted.KeyId))
		}
		return nil
	})

	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
