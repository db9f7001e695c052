/**
 * One class per KMS operation, named exactly like the AWS operation, with immutable request and
 * response records whose members match the model.
 *
 * <p>By the time an operation runs, the protocol layer has authenticated the caller and checked
 * the model's constraints (required members, lengths, ranges, patterns, enums). An operation
 * checks the rules the model does not encode, resolves the key, checks its state and calls the
 * domain, in the order of {@code GENERATE_DATA_KEY_WITHOUT_PLAINTEXT.md} section 8. Operations
 * know nothing of HTTP or JSON.
 */
package trent.ops;
