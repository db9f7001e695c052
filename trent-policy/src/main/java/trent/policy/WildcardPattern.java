package trent.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A compiled policy string: literal text, the wildcards {@code *} (any run of characters, also
 * empty) and {@code ?} (exactly one character), and policy variables {@code ${key}}.
 *
 * <p>A variable's value is matched as literal text, never as wildcards. {@code ${*}}, {@code ${?}} and
 * {@code ${$}} stand for the characters themselves. A variable that the request cannot resolve makes
 * the pattern match nothing (fail closed). Immutable and thread-safe.
 */
final class WildcardPattern {

  private static final int STAR = -1;
  private static final int ANY = -2;

  /** Parts: {@code int[]} atom runs and {@code String} variable names, in order. */
  private final List<Object> parts;
  private final int[] staticAtoms;
  private final boolean ignoreCase;
  private final boolean hasVariables;

  private WildcardPattern(List<Object> parts, boolean ignoreCase) {
    this.parts = List.copyOf(parts);
    this.ignoreCase = ignoreCase;
    this.hasVariables = parts.stream().anyMatch(p -> p instanceof String);
    this.staticAtoms = hasVariables ? null : concat(parts);
  }

  /**
   * Compiles a pattern.
   *
   * @param wildcards whether {@code *} and {@code ?} are wildcards (else literal)
   * @param variables whether {@code ${...}} is a policy variable (only in Version 2012-10-17)
   * @param ignoreCase whether matching ignores case
   */
  static WildcardPattern compile(String pattern, boolean wildcards, boolean variables, boolean ignoreCase) {
    List<Object> parts = new ArrayList<>();
    List<Integer> run = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (variables && c == '$' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
        int close = pattern.indexOf('}', i + 2);
        if (close > 0) {
          String name = pattern.substring(i + 2, close).trim();
          if (name.equals("*") || name.equals("?") || name.equals("$")) {
            run.add(fold(name.charAt(0), ignoreCase));
          } else {
            flush(run, parts);
            parts.add(name);
          }
          i = close + 1;
          continue;
        }
      }
      if (wildcards && c == '*') {
        run.add(STAR);
      } else if (wildcards && c == '?') {
        run.add(ANY);
      } else {
        run.add(fold(c, ignoreCase));
      }
      i++;
    }
    flush(run, parts);
    return new WildcardPattern(parts, ignoreCase);
  }

  /** True if the pattern names a policy variable, whose value comes from the request context. */
  boolean hasVariables() {
    return hasVariables;
  }

  /** True if the input matches; variables are resolved with {@code variables}. */
  boolean matches(String input, Function<String, Optional<String>> variables) {
    int[] atoms = staticAtoms;
    if (atoms == null) {
      List<Object> resolved = new ArrayList<>(parts.size());
      for (Object part : parts) {
        if (part instanceof String) {
          // Policy-variable names are condition keys: looked up case-insensitively by the resolver.
          Optional<String> value = variables.apply((String) part);
          if (value.isEmpty()) {
            return false;
          }
          int[] literal = new int[value.get().length()];
          for (int k = 0; k < literal.length; k++) {
            literal[k] = fold(value.get().charAt(k), ignoreCase);
          }
          resolved.add(literal);
        } else {
          resolved.add(part);
        }
      }
      atoms = concat(resolved);
    }
    return glob(atoms, ignoreCase ? input.toLowerCase(Locale.ROOT) : input);
  }

  /**
   * {@link #matches} for a pattern without variables and an input already in lower case (as
   * {@link String#toLowerCase(Locale)} with {@link Locale#ROOT} gives it), which a case-insensitive
   * pattern would otherwise fold again at every match.
   */
  boolean matchesLowerCase(String lowerCaseInput) {
    if (staticAtoms == null) {
      return matches(lowerCaseInput, k -> Optional.empty());
    }
    return glob(staticAtoms, lowerCaseInput);
  }

  /** True if the pattern has no wildcard and no variable, i.e. it matches exactly one string. */
  boolean isLiteral() {
    if (staticAtoms == null) {
      return false;
    }
    for (int a : staticAtoms) {
      if (a < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean glob(int[] atoms, String s) {
    int p = 0;
    int i = 0;
    int starP = -1;
    int starI = 0;
    int n = s.length();
    int m = atoms.length;
    while (i < n) {
      if (p < m && (atoms[p] == ANY || atoms[p] == s.charAt(i))) {
        p++;
        i++;
      } else if (p < m && atoms[p] == STAR) {
        starP = p++;
        starI = i;
      } else if (starP >= 0) {
        p = starP + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (p < m && atoms[p] == STAR) {
      p++;
    }
    return p == m;
  }

  private static int fold(char c, boolean ignoreCase) {
    return ignoreCase ? String.valueOf(c).toLowerCase(Locale.ROOT).charAt(0) : c;
  }

  private static void flush(List<Integer> run, List<Object> parts) {
    if (!run.isEmpty()) {
      int[] atoms = new int[run.size()];
      for (int k = 0; k < atoms.length; k++) {
        atoms[k] = run.get(k);
      }
      parts.add(atoms);
      run.clear();
    }
  }

  private static int[] concat(List<Object> parts) {
    int length = 0;
    for (Object part : parts) {
      length += ((int[]) part).length;
    }
    int[] all = new int[length];
    int at = 0;
    for (Object part : parts) {
      int[] atoms = (int[]) part;
      System.arraycopy(atoms, 0, all, at, atoms.length);
      at += atoms.length;
    }
    return all;
  }
}
