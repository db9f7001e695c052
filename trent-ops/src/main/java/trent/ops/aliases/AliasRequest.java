package trent.ops.aliases;

/** The input of CreateAlias and UpdateAlias. */
public record AliasRequest(String aliasName, String targetKeyId) {}
