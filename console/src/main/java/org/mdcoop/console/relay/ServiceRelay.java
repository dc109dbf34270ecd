package org.mdcoop.console.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.mdcoop.console.ConsoleConfig;
import org.mdcoop.console.api.Problems;

/**
 * Sends one allowed call to a service with the user's access token and hands back the service's answer unchanged
 * (status, content type, body), so every refusal shows the service's own problem detail. Cookies and the
 * browser's headers are not forwarded: the service sees only the token.
 */
@ApplicationScoped
public class ServiceRelay {

    private static final Logger LOG = Logger.getLogger(ServiceRelay.class);

    public record Call(String service, String method, String path, String rawQuery, String contentType, byte[] body) {
    }

    private final ConsoleConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public ServiceRelay(ConsoleConfig config) {
        this.config = config;
    }

    public Response relay(Call call, String accessToken) {
        if (!RelayRoutes.allowed(call.service(), call.method(), call.path())) {
            return problem(404, "not-relayed", "The console does not relay " + call.method() + " /api/" + call.path()
                    + " to " + call.service());
        }
        ConsoleConfig.Service target = config.services().get(call.service());
        if (target == null) {
            return problem(404, "not-relayed", "No address configured for " + call.service());
        }
        String uri = target.url() + "/api/" + call.path() + (call.rawQuery() == null ? "" : "?" + call.rawQuery());
        HttpRequest.BodyPublisher body = call.body() == null || call.body().length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json, application/problem+json")
                .method(call.method(), body);
        if (call.contentType() != null && call.body() != null && call.body().length > 0) {
            request.header("Content-Type", call.contentType());
        }
        try {
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder relayed = Response.status(answer.statusCode());
            answer.headers().firstValue("Content-Type").ifPresent(type -> relayed.header("Content-Type", type));
            // a paged list's next cursor (the service's Link header names the service's own path, so it stays behind)
            answer.headers().firstValue("X-Next-Cursor").ifPresent(next -> relayed.header("X-Next-Cursor", next));
            return relayed.entity(answer.body()).build();
        } catch (IOException e) {
            LOG.warnf("relay to %s failed: %s", call.service(), e.toString());
            return problem(502, "service-unreachable", call.service() + "-service did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(503, "service-unreachable", "interrupted");
        }
    }

    private static Response problem(int status, String code, String detail) {
        return Response.status(status).type(Problems.TYPE).entity(Problems.of(status, code, detail)).build();
    }
}
