package dev.forecast.idempotency;

import java.net.URI;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.UnprocessableException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a creating request safe to retry: with an {@code Idempotency-Key} header, the
 * first answer is stored with the key (per caller) in the transaction that created the
 * resource, so either both are stored or neither. A retry with the same key and the same
 * request gets that answer again (same status, {@code Location} and body, plus
 * {@code Idempotent-Replayed: true}) and creates nothing; the same key with another
 * request is 422. Concurrent requests with one key wait for each other on the key's
 * primary key, and the later one replays the first. Keys expire after
 * {@link IdempotencyProperties#ttl()}.
 */
@Service
public class IdempotencyKeys {

	/** The request header. */
	public static final String HEADER = "Idempotency-Key";

	/** The header's description in the API documentation. */
	public static final String DESCRIPTION = "Makes a retry safe: the same key (per caller) with the same request "
			+ "gets the first answer again and creates nothing; with another request 422. Keys expire after "
			+ "forecast.idempotency.ttl (24h).";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final int MAX_KEY_LENGTH = 255;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final IdempotencyProperties properties;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
			IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** A fingerprint of {@code endpoint} and {@code body} (as JSON) and more parts. */
	public Fingerprint fingerprint(String endpoint, Object body, String... parts) {
		return Fingerprint.of(endpoint, parts).add(this.json.writeValueAsString(body));
	}

	/**
	 * Answers the request: without a key, {@code create}'s answer; with one, the stored
	 * first answer to this key, else {@code create}'s answer stored with the key in
	 * {@code create}'s transaction.
	 */
	public <T> ResponseEntity<T> create(String key, Principal caller, Fingerprint request, Class<T> type,
			Supplier<ResponseEntity<T>> create) {
		if (key == null) {
			return create.get();
		}
		check(key);
		String owner = (caller == null) ? "anonymous" : caller.getName();
		String fingerprint = request.hex();
		Optional<ResponseEntity<T>> earlier = replay(owner, key, fingerprint, type);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return this.transactions.execute(status -> {
				ResponseEntity<T> answer = create.get();
				remember(owner, key, fingerprint, answer);
				return answer;
			});
		}
		catch (DuplicateKeyException ex) { // a concurrent request with this key won
			return replay(owner, key, fingerprint, type).orElseThrow(() -> ex);
		}
	}

	private <T> Optional<ResponseEntity<T>> replay(String owner, String key, String fingerprint, Class<T> type) {
		return this.jdbc.sql("""
				select fingerprint, status, location, body from idempotency_key
				 where owner = ? and key = ? and created_at >= now() - make_interval(secs => ?)
				""").params(owner, key, ttlSeconds()).query((rs, n) -> {
			if (!rs.getString("fingerprint").equals(fingerprint)) {
				throw new UnprocessableException("Idempotency key reused", "The " + HEADER + " '" + key
						+ "' was sent before with a different request; use a new key for a new request.");
			}
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatusCode.valueOf(rs.getInt("status")))
				.header(REPLAYED, "true");
			String location = rs.getString("location");
			if (location != null) {
				answer.location(URI.create(location));
			}
			return answer.body(this.json.readValue(rs.getString("body"), type));
		}).optional();
	}

	private void remember(String owner, String key, String fingerprint, ResponseEntity<?> answer) {
		double ttl = ttlSeconds();
		this.jdbc.sql("delete from idempotency_key where created_at < now() - make_interval(secs => ?)")
			.param(ttl)
			.update();
		URI location = answer.getHeaders().getLocation();
		int stored = this.jdbc.sql("""
				insert into idempotency_key (owner, key, fingerprint, status, location, body)
				values (?, ?, ?, ?, ?, ?) on conflict (owner, key) do nothing
				""")
			.params(owner, key, fingerprint, answer.getStatusCode().value(),
					(location == null) ? null : location.toString(), this.json.writeValueAsString(answer.getBody()))
			.update();
		if (stored == 0) {
			throw new DuplicateKeyException("Idempotency key " + key + " was stored by a concurrent request");
		}
	}

	private double ttlSeconds() {
		return this.properties.ttl().toMillis() / 1000.0;
	}

	private static void check(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			throw BadRequestException.invalid(HEADER,
					"must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID, for example)");
		}
	}

}
