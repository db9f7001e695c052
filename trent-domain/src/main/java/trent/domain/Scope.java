package trent.domain;

import java.util.Objects;

/** Where a request acts: the caller's account and the request's Region. Keys and aliases live in one scope. */
public record Scope(String account, String region) {

  public Scope {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
  }
}
