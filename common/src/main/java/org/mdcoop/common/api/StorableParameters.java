package org.mdcoop.common.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters follow {@link StorableValues}' text rule: {@code /api/sensors/X%00} is a 400
 * {@code validation} problem naming the parameter ({@code id}), not a query PostgreSQL refuses (a 500). Runs after
 * matching, so the parameters have their names, and before the resource method and its security checks' effects:
 * nothing is read or written.
 */
public class StorableParameters {

    @ServerRequestFilter
    public Optional<Response> refuseUnstorableParameters(UriInfo uri) {
        List<Problem.FieldViolation> errors = new ArrayList<>();
        collect(uri.getPathParameters(true), errors);
        collect(uri.getQueryParameters(true), errors);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem("validation", "Invalid input", 400, "The request has invalid fields")
                .withErrors(errors).withInstance(uri.getPath()).toResponse());
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<Problem.FieldViolation> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            Optional<String> nameProblem = StorableValues.textProblem(parameter.getKey());
            if (nameProblem.isPresent()) {
                errors.add(new Problem.FieldViolation("parameter name", nameProblem.get()));
                continue;
            }
            for (String value : parameter.getValue()) {
                Optional<String> problem = StorableValues.textProblem(value);
                if (problem.isPresent()) {
                    errors.add(new Problem.FieldViolation(parameter.getKey(), problem.get()));
                    break;
                }
            }
        }
    }
}
