package org.flatspace.portal.api.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The api_token table, through plain JDBC: the portal has no JPA entities of its own, and the
 * modules' entity scans would not find one here.
 */
@Repository
class ApiTokenRepository {

    /** An unrevoked token found by its hash: whose it is and until when. */
    record Match(long id, String owner, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String owner, String name, String hash, Instant createdAt, Instant expiresAt) {
        jdbc.sql("insert into api_token (owner, name, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(owner, name, hash, Timestamp.from(createdAt), Timestamp.from(expiresAt)).update();
        return jdbc.sql("select id from api_token where token_hash = ?").param(hash).query(Long.class).single();
    }

    List<ApiTokenInfo> activeOf(String owner) {
        return jdbc.sql("select id, name, created_at, expires_at, last_used_at from api_token"
                        + " where owner = ? and revoked_at is null order by id desc")
                .param(owner).query(ApiTokenRepository::info).list();
    }

    Optional<Match> unrevokedByHash(String hash) {
        return jdbc.sql("select id, owner, expires_at from api_token where token_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, row) -> new Match(rs.getLong("id"), rs.getString("owner"), instant(rs, "expires_at")))
                .optional();
    }

    /** Records a use, at most once a minute per token, so that a busy script does not write on every call. */
    void touch(long id, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60))).update();
    }

    boolean revoke(long id, String owner, Instant now) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and owner = ? and revoked_at is null")
                .params(Timestamp.from(now), id, owner).update() == 1;
    }

    private static ApiTokenInfo info(ResultSet rs, int row) throws SQLException {
        return new ApiTokenInfo(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
