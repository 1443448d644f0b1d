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
import java.util.regex.Pattern;

/**
 * A pack id ({@link Ids#ID}): lowercase ASCII with single separators, at most
 * {@value Ids#MAX_LENGTH} characters. {@code null} is valid (pair with {@code @NotNull} where the
 * id is required). The length is checked first, so an over-long value is never matched.
 */
@Documented
@Constraint(validatedBy = Id.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Id {

  /** The message for a value that is not an id (the length has its own). */
  String message() default Ids.ID_MESSAGE;

  Class<?>[] groups() default { };

  Class<? extends Payload>[] payload() default { };

  /** Checks an id's length, then its pattern. */
  final class Validator implements ConstraintValidator<Id, String> {
    private static final Pattern ID = Pattern.compile(Ids.ID);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      if (value.length() > Ids.MAX_LENGTH) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be at most " + Ids.MAX_LENGTH + " characters long")
            .addConstraintViolation();
        return false;
      }
      return ID.matcher(value).matches();
    }
  }
}
