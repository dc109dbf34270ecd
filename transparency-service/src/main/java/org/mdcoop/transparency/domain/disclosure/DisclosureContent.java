package org.mdcoop.transparency.domain.disclosure;

import java.util.List;

import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.transparency.domain.FieldErrors;

/**
 * The body of a disclosure. Implementations are plain records of simple fields and lists, meant to be stored as
 * JSONB: deserialise with {@link DisclosureKind#contentType()}.
 */
public sealed interface DisclosureContent
        permits InventoryContent, InterceptorPerformanceContent, DeploymentPlanContent {

    DisclosureKind kind();

    /** Adds every field error, with paths relative to the content root (e.g. {@code components[2].lat}). */
    void validate(FieldErrors errors);

    default List<FieldError> validationErrors() {
        FieldErrors errors = new FieldErrors();
        validate(errors);
        return errors.list();
    }

    /** Throws {@link org.mdcoop.common.domain.ValidationFailed} listing every invalid field. */
    default void requireValid() {
        FieldErrors errors = new FieldErrors();
        validate(errors);
        errors.throwIfAny();
    }
}
