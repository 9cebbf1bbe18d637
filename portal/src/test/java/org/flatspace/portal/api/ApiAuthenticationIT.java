package org.flatspace.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.flatspace.portal.api.ApiClient.Answer;
import org.flatspace.portal.api.token.CreatedApiToken;
import org.flatspace.portal.api.token.InvalidTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may call the API at all: a valid personal token, acting as its owner; nothing else, and no session. */
class ApiAuthenticationIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noToken_is401WithProblemDetail_notARedirectToTheLoginPage() {
        Answer answer = api.get(null, "/api/v1/requests");
        assertProblem(answer, 401);
        assertThat(answer.raw().headers().firstValue("Location")).isEmpty();
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertProblem(api.post(null, "/api/v1/requests", "{}"), 401);
    }

    @Test
    void unknownToken_is401() {
        assertProblem(api.get("fs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/api/v1/requests"), 401);
        assertProblem(api.get("not-even-a-flatspace-token", "/api/v1/requests"), 401);
    }

    @Test
    void revokedToken_is401() {
        CreatedApiToken token = tokens.create("alice", "to revoke", LocalDate.now().plusDays(7));
        assertThat(api.get(token.secret(), "/api/v1/requests").status()).isEqualTo(200);

        assertThat(tokens.revoke("wendy", token.info().id())).as("someone else's token").isFalse();
        assertThat(api.get(token.secret(), "/api/v1/requests").status()).isEqualTo(200);
        assertThat(tokens.revoke("alice", token.info().id())).isTrue();

        assertProblem(api.get(token.secret(), "/api/v1/requests"), 401);
        assertThat(tokens.tokensOf("alice")).noneMatch(t -> t.id() == token.info().id());
    }

    @Test
    void expiredToken_is401() {
        CreatedApiToken token = tokens.create("alice", "to expire", LocalDate.now().plusDays(1));
        assertThat(api.get(token.secret(), "/api/v1/requests").status()).isEqualTo(200);
        jdbc.sql("update api_token set expires_at = ? where id = ?")
                .params(java.sql.Timestamp.valueOf(LocalDate.now().atStartOfDay()), token.info().id()).update();

        assertProblem(api.get(token.secret(), "/api/v1/requests"), 401);
    }

    @Test
    void token_actsAsItsOwner_isStoredOnlyAsAHash_andOpensNoSession() {
        CreatedApiToken token = tokens.create("wendy", "pipeline", LocalDate.now().plusDays(30));
        assertThat(token.secret()).startsWith("fs_").hasSizeGreaterThanOrEqualTo(3 + 43);

        Answer quota = api.get(token.secret(), "/api/v1/quota");
        assertThat(quota.status()).isEqualTo(200);
        assertThat(quota.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.get(token.secret(), "/api/v1/functions").json().findValuesAsText("name"))
                .contains("Shop search");

        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or name = ?")
                .params(token.secret(), token.secret()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select owner from api_token where id = ?").param(token.info().id())
                .query(String.class).single()).isEqualTo("wendy");
        assertThat(tokens.tokensOf("wendy")).filteredOn(t -> t.id() == token.info().id()).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void tokenCreation_refusesExpiryBeyondAYear_pastExpiry_andNamesThatWouldForgeLogLines() {
        assertThatThrownBy(() -> tokens.create("alice", "too long", LocalDate.now().plusYears(1).plusDays(1)))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("expiresOn"));
        assertThatThrownBy(() -> tokens.create("alice", "yesterday", LocalDate.now()))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("expiresOn"));
        assertThatThrownBy(() -> tokens.create("alice", "x\nINFO forged", LocalDate.now().plusDays(1)))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("name"));
        assertThat(tokens.create("alice", "a year", LocalDate.now().plusYears(1)).secret()).startsWith("fs_");
    }
}
