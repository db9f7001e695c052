/**
 * Model validation, step 2 of every request (STYLE.md §2): the KMS model's input constraints as
 * one declarative description ({@code kms-model.json}, generated from the Smithy model by
 * {@code tools/gen-model.py}) and the one validator that enforces it for all 54 operations.
 *
 * <p>This layer knows JSON and the model only. It does not know keys, aliases, policies or
 * storage, and it never reads {@code shared/}: the description is a classpath resource.
 *
 * <p>Every text it produces is AWS's wording; {@link trent.protocol.model.AwsText} says where each
 * one was observed. Values of members marked sensitive never appear in a message.
 */
package trent.protocol.model;
