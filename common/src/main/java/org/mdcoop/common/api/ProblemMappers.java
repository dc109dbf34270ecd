package org.mdcoop.common.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mdcoop.common.domain.DomainException;
import org.mdcoop.common.domain.CooperationStatusUnknown;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.ValidationFailed;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Turns every failure into an RFC 9457 problem. A client's mistake is always 4xx; only a fault of ours is 5xx, and
 * its detail never carries internals.
 */
public class ProblemMappers {

    /** Jackson's defaults (StreamReadConstraints), which the services keep. */
    static final int MAX_NESTING_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;
    static final int MAX_NUMBER_LENGTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Problem problem;
        if (e instanceof IllegalTransition t) {
            problem = new Problem(e.problemType(), "Action not allowed in the current state", 409, e.getMessage())
                    .with("currentState", t.currentState())
                    .with("action", t.action())
                    .with("allowedActions", t.allowedActions());
        } else if (e instanceof ValidationFailed v) {
            problem = new Problem(e.problemType(), "Invalid input", 400, "The request has invalid fields")
                    .withErrors(v.errors().stream()
                            .map(f -> new Problem.FieldViolation(f.field(), f.message())).toList());
        } else if (e instanceof NotFound) {
            problem = new Problem(e.problemType(), "Not found", 404, e.getMessage());
        } else if (e instanceof NotPermitted) {
            problem = new Problem(e.problemType(), "Forbidden", 403, e.getMessage());
        } else if (e instanceof CooperationStatusUnknown) {
            problem = new Problem(e.problemType(), "Cooperation status unknown", 503, e.getMessage());
        } else {
            problem = new Problem(e.problemType(), "Conflict with a rule of the agreement", 409, e.getMessage());
        }
        return problem.withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldViolation> fields = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldViolation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldViolation::field))
                .toList();
        return new Problem("validation", "Invalid input", 400, "The request has invalid fields")
                .withErrors(fields).withInstance(uri.getPath()).toResponse();
    }

    /** The property path without the method and parameter names of the resource, e.g. {@code components[0].lat}. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {
                    // resource method and parameter names are implementation detail, except for query/path params
                    if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                        parts.add(node.getName());
                    }
                }
                case CONTAINER_ELEMENT -> {
                    // an element of a collection (Set<@NotNull X>): elements[2], or elements[] for a set
                    String suffix = node.getIndex() != null ? "[" + node.getIndex() + "]"
                            : node.getKey() != null ? "[" + node.getKey() + "]" : "[]";
                    if (parts.isEmpty()) {
                        parts.add(suffix);
                    } else {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + suffix);
                    }
                }
                default -> {
                    String name = node.getName() == null ? "" : node.getName();
                    if (node.getIndex() != null) {
                        name = name + "[" + node.getIndex() + "]";
                    } else if (node.getKey() != null) {
                        name = name + "[" + node.getKey() + "]";
                    }
                    parts.add(name);
                }
            }
        }
        // the first PARAMETER node names the body argument; drop it when a deeper property follows
        if (parts.size() > 1) {
            parts.remove(0);
        }
        return parts.stream().filter(p -> !p.isEmpty()).collect(Collectors.joining("."));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return new Problem("unknown-field", "Unknown field", 400,
                "The field '" + field + "' is not part of this request")
                .withErrors(List.of(new Problem.FieldViolation(field, "unknown field")))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return new Problem("validation", "Invalid input", 400, "The request has invalid fields")
                .withErrors(List.of(new Problem.FieldViolation(field, "must be " + expected)))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return new Problem("malformed-body", "Malformed request body", 400,
                    "The body is missing or is not the JSON object this endpoint expects")
                    .withInstance(uri.getPath()).toResponse();
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return new Problem("validation", "Invalid input", 400, "The request has invalid fields")
                .withErrors(List.of(new Problem.FieldViolation(field, "must be " + expected)))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            return parserLimit(limit, uri);
        }
        Response duplicate = duplicateField(e, uri);
        if (duplicate != null) {
            return duplicate;
        }
        if (cause(e, JsonParseException.class) != null) {
            // broken JSON met while reading a field (the body breaks off, bad UTF-8): a syntax error, not a wrong value
            return malformed(uri);
        }
        String field = jsonPath(e);
        String message = e.getOriginalMessage() == null ? "invalid value" : plain(firstLine(e.getOriginalMessage()));
        return new Problem("validation", "Invalid input", 400, "The request has invalid fields")
                .withErrors(List.of(new Problem.FieldViolation(field.isEmpty() ? "body" : field, message)))
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        Response duplicate = duplicateField(e, uri);
        return duplicate != null ? duplicate : malformed(uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        Response duplicate = duplicateField(e, uri);
        return duplicate != null ? duplicate : malformed(uri);
    }

    /**
     * Jackson's own answer to a definition problem (a record member given twice used to end here). Quarkus' mapper
     * for it answers a bare 500 without a body; this keeps it a logged {@code internal} problem like every fault.
     */
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        Response duplicate = duplicateField(e, uri);
        if (duplicate != null) {
            return duplicate;
        }
        return unexpected(e, uri);
    }

    private static final String DUPLICATE_FIELD = "Duplicate field '";

    /**
     * A member given twice ({@code STRICT_DUPLICATE_DETECTION} in {@link StrictJson}): 400 {@code duplicate-field}
     * naming it by its path, e.g. {@code content.components[0].name}; null when {@code e} is something else.
     */
    static Response duplicateField(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null
                    && p.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
                JsonParser parser = p.getProcessor();
                String field = parser == null ? "" : contextPath(parser.getParsingContext());
                if (field.isEmpty()) {
                    String message = p.getOriginalMessage();
                    field = message.substring(DUPLICATE_FIELD.length(), Math.max(DUPLICATE_FIELD.length(),
                            message.lastIndexOf('\'')));
                }
                return new Problem("duplicate-field", "Duplicate field", 400,
                        "The field '" + field + "' is given more than once")
                        .withErrors(List.of(new Problem.FieldViolation(field, "is given more than once")))
                        .withInstance(uri.getPath()).toResponse();
            }
        }
        return null;
    }

    /** {@code a.b[2].c} for the parser's position. */
    private static String contextPath(JsonStreamContext context) {
        java.util.Deque<String> steps = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                steps.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                steps.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static Response malformed(UriInfo uri) {
        return new Problem("malformed-body", "Malformed request body", 400, "The body is not well-formed JSON")
                .withInstance(uri.getPath()).toResponse();
    }

    /** Jackson's parser limits (StreamReadConstraints): nesting depth, number length, string length. */
    @ServerExceptionMapper
    public Response parserLimit(StreamConstraintsException e, UriInfo uri) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String detail;
        if (message.contains("nesting depth")) {
            detail = "The body nests objects or arrays deeper than " + MAX_NESTING_DEPTH + " levels";
        } else if (message.contains("Number value length") || message.contains("number value length")) {
            detail = "The body holds a number with more than " + MAX_NUMBER_LENGTH + " digits";
        } else {
            detail = "The body exceeds a limit of the JSON parser";
        }
        return new Problem("body-too-complex", "Request body too complex", 400, detail)
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    private static Response concurrentChange(UriInfo uri) {
        return new Problem("concurrent-change", "Concurrent change", 409,
                "Another command changed this item at the same time; reload it and try again")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (causedBy(e, OIDCException.class)) {
            return identityProviderUnavailable(uri);
        }
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response oidc(OIDCException e, UriInfo uri) {
        return identityProviderUnavailable(uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(new Problem("unauthenticated", "Unauthenticated", 401,
                "A valid bearer token from one of the parties' identity providers is required")
                .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response identityProviderUnavailable(UriInfo uri) {
        return new Problem("identity-provider-unavailable", "Identity provider unavailable", 503,
                "The token cannot be verified because the identity provider is not reachable; try again later")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return new Problem("forbidden", "Forbidden", 403, "Your role does not allow this action")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response database(JDBCConnectionException e, UriInfo uri) {
        Log.warnf("database unavailable: %s", e.getMessage());
        return new Problem("service-unavailable", "Service unavailable", 503,
                "The database is not reachable; try again later").withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthenticated(uri);
        }
        // the REST layer wraps most Jackson failures in a bare 400: answer them like the unwrapped ones
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        // a path, query or header parameter that does not convert (not a UUID, not a number...); the REST layer
        // says 404 for path and query parameters (JAX-RS), but the request is malformed, not aimed at nothing
        if ((e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null) {
            return new Problem("invalid-parameter", "Invalid parameter", 400,
                    "A path or query parameter has a value of the wrong type (for example an id that is not a UUID, "
                            + "or a number that is not a whole number in range)")
                    .withInstance(uri.getPath()).toResponse();
        }
        Response.StatusType statusType = e.getResponse().getStatusInfo();
        String slug = statusType.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String detail = status >= 500 ? "The request could not be processed" : e.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(
                new Problem(slug, statusType.getReasonPhrase(), status, detail).withInstance(uri.getPath()).toResponse());
        if (e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    private Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u, uri);
        }
        if (e instanceof InvalidFormatException f) {
            return invalidFormat(f, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            return parserLimit(limit, uri);
        }
        Response duplicate = duplicateField(e, uri);
        if (duplicate != null) {
            return duplicate;
        }
        if (e instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        return malformed(uri);
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLarge e, UriInfo uri) {
        return BodyLimit.problem(e.limitBytes(), uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (causedBy(e, JDBCConnectionException.class) || causedBy(e, java.sql.SQLTransientConnectionException.class)) {
            return new Problem("service-unavailable", "Service unavailable", 503,
                    "The database is not reachable; try again later").withInstance(uri.getPath()).toResponse();
        }
        if (causedBy(e, OptimisticLockException.class) || causedBy(e, StaleStateException.class)) {
            return concurrentChange(uri);
        }
        if (causedBy(e, org.hibernate.exception.ConstraintViolationException.class)) {
            // a uniqueness rule the database enforces lost a race with a concurrent command
            return new Problem("conflict", "Conflict", 409,
                    "The change conflicts with the current data; reload and try again")
                    .withInstance(uri.getPath()).toResponse();
        }
        Log.error("unexpected failure on " + uri.getPath(), e);
        return new Problem("internal", "Internal error", 500, "An unexpected error occurred; it has been logged")
                .withInstance(uri.getPath()).toResponse();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 UTC timestamp";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date (yyyy-mm-dd)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }

    /** Jackson names our classes in its messages ({@code `org.mdcoop.x.Foo`}); a client needs only {@code Foo}. */
    public static String plain(String message) {
        return message.replaceAll("`(?:\\w+[.$])+(\\w+)`", "`$1`");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
