package org.mdcoop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * Forged and foreign tokens against all four running services, built from real tokens and real keys of the local
 * Keycloak: every one is 401 problem+json (never 500), and answering them costs Keycloak nothing — its request count
 * (from its metrics) does not grow with the number of bad tokens. Expired, not-yet-valid and wrong-audience tokens
 * need a signing key the test owns: those run in every service's {@code IdentityWiringContract}.
 */
class TokenAttackSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METRICS = System.getProperty("mdcoop.keycloak.metrics", "http://127.0.0.1:9190/metrics");
    private static final Pattern REQUEST_COUNT = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*} ([0-9.E]+)$",
            Pattern.MULTILINE);
    private static final int ROUNDS = 3;

    @Test
    void forgedAndForeignTokensAre401OnEveryServiceWithoutAskingKeycloak() throws Exception {
        Map<String, String> attacks = new LinkedHashMap<>();
        for (String realm : List.of("nato", "russia")) {
            String genuine = Stack.token(realm + "-analyst");
            String other = realm.equals("nato") ? "russia" : "nato";
            attacks.put(realm + ": alg none", unsigned(genuine));
            attacks.put(realm + ": HS256 keyed with the realm's public key", hmacWithPublicKey(genuine, realm));
            attacks.put(realm + ": payload tampered (role added)", tampered(genuine));
            attacks.put(realm + ": signed by an unknown key", signedByStranger(genuine));
            attacks.put(realm + ": re-labelled as the other realm", relabelled(genuine, other));
            attacks.put(realm + ": signature stripped", genuine.substring(0, genuine.lastIndexOf('.') + 1));
        }
        attacks.put("token of Keycloak's master realm", Stack.passwordGrant("master", "admin", "admin", "admin-cli"));
        attacks.put("not a JWT", "not-a-token");

        // every service has verified a genuine token of each realm: its keys are loaded
        for (String url : Stack.SERVICES.values()) {
            for (String realm : List.of("nato", "russia")) {
                given().auth().oauth2(Stack.token(realm + "-analyst")).get(url + "/api/me").then().statusCode(200);
            }
        }

        double before = keycloakRequests();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                for (Map.Entry<String, String> service : Stack.SERVICES.entrySet()) {
                    Response r = given().header("Authorization", "Bearer " + attack.getValue())
                            .get(service.getValue() + "/api/me");
                    sent++;
                    if (r.statusCode() != 401 || !r.contentType().startsWith("application/problem+json")
                            || !r.asString().contains("urn:mdcoop:problem:unauthenticated")) {
                        failures.add(service.getKey() + " / " + attack.getKey() + ": " + r.statusCode() + " " + r.asString());
                    }
                }
            }
            for (String url : Stack.SERVICES.values()) {
                Response none = given().get(url + "/api/me");
                sent++;
                if (none.statusCode() != 401) {
                    failures.add(url + " without a token: " + none.statusCode());
                }
            }
        }
        double after = keycloakRequests();
        System.out.printf("token attacks: %d bad tokens sent, %.0f requests reached Keycloak meanwhile%n", sent,
                after - before);

        assertThat(failures).as("attacks not answered 401 problem+json").isEmpty();
        // Quarkus may refresh a tenant's key set once when it meets an unknown key id, at most every 10 minutes
        // (forced-jwk-refresh-interval): never more than once per service and realm, whatever the number of tokens
        assertThat(after - before).as("Keycloak requests caused by %d bad tokens", sent)
                .isLessThanOrEqualTo(Stack.SERVICES.size() * 2.0);
    }

    private static double keycloakRequests() {
        String metrics = given().get(METRICS).then().statusCode(200).extract().asString();
        Matcher m = REQUEST_COUNT.matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    private static String unsigned(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(decode(parts[0]));
        header.put("alg", "none");
        return encode(header) + "." + parts[1] + ".";
    }

    private static String tampered(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(decode(parts[1]));
        claims.withObjectProperty("realm_access").withArrayProperty("roles").add("liaison");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static String relabelled(String token, String otherRealm) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(decode(parts[1]));
        claims.put("iss", Stack.KEYCLOAK + "/realms/" + otherRealm);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static String signedByStranger(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(decode(parts[0]));
        header.put("kid", "attacker-key-1");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        String signingInput = encode(header) + "." + parts[1];
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    /** The classic key confusion: HMAC keyed with the bytes of the realm's published RSA key. */
    private static String hmacWithPublicKey(String token, String realm) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(decode(parts[0]));
        JsonNode jwks = JSON.readTree(given().get(Stack.KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/certs")
                .then().statusCode(200).extract().asString());
        JsonNode jwk = null;
        for (JsonNode k : jwks.path("keys")) {
            if (k.path("kid").asText().equals(header.path("kid").asText())) {
                jwk = k;
            }
        }
        assertThat(jwk).as("the realm publishes the key that signed its token").isNotNull();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()))));
        header.put("alg", "HS256");
        String signingInput = encode(header) + "." + parts[1];
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(publicKey.getEncoded(), "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static String encode(JsonNode json) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
    }
}
