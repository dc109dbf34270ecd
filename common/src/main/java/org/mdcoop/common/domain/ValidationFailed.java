package org.mdcoop.common.domain;

import java.util.List;

/** Input that breaks a field rule the bean-validation annotations cannot express (HTTP 400, fields listed). */
public class ValidationFailed extends DomainException {

    /** One offending field: a JSON-pointer-like path such as {@code components[2].lat}, and why. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super("Validation failed: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String problemType() {
        return "validation";
    }
}
