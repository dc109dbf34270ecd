package org.mdcoop.transparency.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.api.ProblemMappers;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.transparency.domain.disclosure.DisclosureContent;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a request's {@code content} member as the content record of the disclosure's kind, strictly (unknown
 * fields refused, like every request body), and validates every field. All errors carry paths from the request
 * body's root, e.g. {@code content.components[2].lat}.
 */
@ApplicationScoped
public class ContentParser {

    private static final String ROOT = "content";

    private final ObjectMapper mapper;

    public ContentParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public DisclosureContent parse(DisclosureKind kind, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw ValidationFailed.of(ROOT, "is required");
        }
        if (!node.isObject()) {
            throw ValidationFailed.of(ROOT, "must be an object with the fields of a " + kind + " disclosure");
        }
        DisclosureContent content;
        try {
            content = mapper.treeToValue(node, kind.contentType());
        } catch (UnrecognizedPropertyException e) {
            throw ValidationFailed.of(path(e), "unknown field");
        } catch (JsonMappingException e) {
            String message = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage();
            int newline = message.indexOf('\n');
            throw ValidationFailed.of(path(e),
                    "is invalid: " + ProblemMappers.plain(newline < 0 ? message : message.substring(0, newline)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ValidationFailed.of(ROOT, "is not a valid " + kind + " content");
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : content.validationErrors()) {
            errors.add(new FieldError(ROOT + "." + error.field(), error.message()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return content;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder(ROOT);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
