/**
 * Tags of KMS keys: AWS's rules for a valid set of tags, and tagging, untagging and listing under
 * the key-state rules. Knows storage only through the storage SPI.
 */
package trent.domain.tag;
