package vn.conduct.rules.internal.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * A number a checklist scores with (points, weights, minimums, caps): at most one billion in size
 * and at most 12 decimal places, so that arithmetic on it stays exact and cheap. Without a bound,
 * {@code points: 1e999999999} would be a valid decimal whose plain form has a billion digits.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = Amount.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

  String message() default "must be a number between -1000000000 and 1000000000 with at most 12 decimal places";

  Class<?>[] groups() default { };

  Class<? extends Payload>[] payload() default { };

  /** Checks the size (by exponent, without expanding the number) and the decimal places. */
  final class Validator implements ConstraintValidator<Amount, BigDecimal> {
    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000L);

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (value.abs().compareTo(LIMIT) > 0) {
        return false;
      }
      BigDecimal stripped = value.stripTrailingZeros();
      return stripped.scale() <= 12;
    }
  }
}
