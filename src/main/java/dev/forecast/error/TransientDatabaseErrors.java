package dev.forecast.error;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises database faults that pass by themselves (a dropped or terminated connection,
 * an exhausted pool, a serialization failure or deadlock, a server shutting down),
 * anywhere in an exception's cause chain, so that clients get a 503 to retry rather than
 * a 500, and so that workers retry them.
 */
public final class TransientDatabaseErrors {

	private TransientDatabaseErrors() {
	}

	public static boolean isTransient(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
					|| t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransactionSystemException || t instanceof SQLTransientException
					|| t instanceof SQLRecoverableException) {
				return true;
			}
			if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || closedByPool(sql))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/**
	 * HikariCP's answer (no SQL state) to a call on a connection it already evicted as
	 * broken, such as the rollback after a terminated backend.
	 */
	private static boolean closedByPool(SQLException ex) {
		return ex.getSQLState() == null && "Connection is closed".equals(ex.getMessage());
	}

	/**
	 * SQL states of passing faults: connection exceptions (08), serialization failure
	 * (40001), deadlock (40P01), insufficient resources (53) and operator intervention
	 * such as a terminated backend or a shutdown (57P01-57P03).
	 */
	private static boolean transientState(String state) {
		return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
				|| state.startsWith("53") || state.startsWith("57P0"));
	}

}
