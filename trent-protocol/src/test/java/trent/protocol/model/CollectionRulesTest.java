package trent.protocol.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import trent.domain.error.ValidationException;

/**
 * Map key and value rules, which no KMS input exercises (EncryptionContext has none), on a small
 * model of the same form as kms-model.json.
 */
class CollectionRulesTest {

  private static final ModelValidator VALIDATOR = ModelValidator.load(ModelValidatorTest.json("""
      {'operations': {'Op': {'input': 'OpRequest', 'output': null}},
       'shapes': {
         'OpRequest': {'type': 'structure', 'members': [
           {'name': 'Labels', 'target': 'Labels', 'required': false, 'sensitive': false},
           {'name': 'Secrets', 'target': 'Secrets', 'required': false, 'sensitive': false}]},
         'Labels': {'type': 'map', 'key': 'Key', 'value': 'Value', 'length': {'min': 1, 'max': 2}},
         'Secrets': {'type': 'map', 'key': 'Key', 'value': 'Secret'},
         'Key': {'type': 'string', 'length': {'min': 1, 'max': 3}, 'pattern': '^[a-z]+$'},
         'Value': {'type': 'string', 'length': {'min': 0, 'max': 2}},
         'Secret': {'type': 'string', 'length': {'min': 1, 'max': 4}, 'sensitive': true}}}
      """));

  private static void assertValidation(String body, String message) {
    JsonNode json = ModelValidatorTest.json(body);
    assertThatThrownBy(() -> VALIDATOR.validate("Op", json))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  @Test
  void mapsArePrintedAsJavaPrintsThemWithEveryRuleOfTheBrokenSide() {
    assertThatCode(() -> VALIDATOR.validate("Op", ModelValidatorTest.json("{'Labels': {'ab': 'c'}}")))
        .doesNotThrowAnyException();
    assertValidation("{'Labels': {'ab': 'c', 'ABCD': 'xyz'}}",
        "2 validation errors detected: "
            + "Value '{ab=c, ABCD=xyz}' at 'labels' failed to satisfy constraint: Map keys must satisfy constraint: "
            + "[Member must have length less than or equal to 3, Member must have length greater than or equal to 1, "
            + "Member must satisfy regular expression pattern: ^[a-z]+$]; "
            + "Value '{ab=c, ABCD=xyz}' at 'labels' failed to satisfy constraint: Map value must satisfy constraint: "
            + "[Member must have length less than or equal to 2, Member must have length greater than or equal to 0]");
    assertValidation("{'Labels': {}}",
        "1 validation error detected: Value '{}' at 'labels' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
  }

  @Test
  void sensitiveMapValuesAreNeverPrinted() {
    JsonNode json = ModelValidatorTest.json("{'Secrets': {'a': 'p4ssw0rd'}}");
    assertThatThrownBy(() -> VALIDATOR.validate("Op", json))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 validation error detected: Value at 'secrets' failed to satisfy constraint: "
            + "Map value must satisfy constraint: [Member must have length less than or equal to 4, "
            + "Member must have length greater than or equal to 1]");
  }
}
