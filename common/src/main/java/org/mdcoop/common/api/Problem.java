package org.mdcoop.common.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URN per kind of problem ({@code urn:mdcoop:problem:<slug>});
 * {@code errors} lists offending fields for validation problems; extension members (e.g. the current state of an
 * aggregate) are added with {@link #with(String, Object)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors" })
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:mdcoop:problem:";

    /** One offending input field and why it was refused. */
    public record FieldViolation(String field, String message) {
    }

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private String instance;
    private List<FieldViolation> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String slug, String title, int status, String detail) {
        this.type = URI.create(TYPE_PREFIX + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    public Problem withErrors(List<FieldViolation> fieldViolations) {
        this.errors = List.copyOf(fieldViolations);
        return this;
    }

    public Problem withInstance(String requestPath) {
        this.instance = requestPath;
        return this;
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<FieldViolation> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
