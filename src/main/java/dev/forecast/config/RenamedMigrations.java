package dev.forecast.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Carries databases over a migration that was renamed after it landed. {@code
 * V6__training_diagnosis_and_tuning.sql} was first released as {@code V3__...} (same
 * content, so the same checksum); a database that applied it as version 3 would fail
 * Flyway's validation ("applied migration not resolved locally") and then run it a second
 * time as version 6. Before validation this callback records that row as version 6, once;
 * fresh databases and databases that applied V6 are left alone. Migrations are never
 * renamed or edited again once landed: a change is a new file.
 */
@Component
public class RenamedMigrations implements Callback {

	private static final Logger log = LoggerFactory.getLogger(RenamedMigrations.class);

	/**
	 * The description Flyway recorded for the renamed migration: the part of its name
	 * after {@code __}.
	 */
	static final String DESCRIPTION = "training diagnosis and tuning";

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			Connection connection = context.getConnection();
			String table = historyTable(connection, context);
			if (table == null) {
				return;
			}
			try (PreparedStatement update = connection.prepareStatement("update " + table
					+ " set version = '6', script = 'V6__training_diagnosis_and_tuning.sql' where version = '3'"
					+ " and description = ? and not exists (select 1 from " + table + " where version = '6')")) {
				update.setString(1, DESCRIPTION);
				if (update.executeUpdate() > 0) {
					log.warn("Flyway history {}: the migration '{}' applied as V3 is now recorded as V6, "
							+ "its file's name since it was renamed", table, DESCRIPTION);
				}
			}
		}
		catch (SQLException ex) {
			throw new FlywayException("Could not carry the history over the V3 -> V6 rename: " + ex.getMessage(), ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "renamed-migrations";
	}

	/**
	 * The quoted, schema-qualified history table, or {@code null} while it does not
	 * exist.
	 */
	private static String historyTable(Connection connection, Context context) throws SQLException {
		String[] schemas = context.getConfiguration().getSchemas();
		String schema = context.getConfiguration().getDefaultSchema();
		if (schema == null) {
			schema = (schemas.length > 0) ? schemas[0] : connection.getSchema();
		}
		String table = quote(schema) + "." + quote(context.getConfiguration().getTable());
		try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
			exists.setString(1, table);
			try (ResultSet rs = exists.executeQuery()) {
				return (rs.next() && rs.getBoolean(1)) ? table : null;
			}
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
