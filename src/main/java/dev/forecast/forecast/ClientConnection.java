package dev.forecast.forecast;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the client of an asynchronous request has closed its connection. Tomcat does
 * not notice that on its own while the request computes (it watches the connection only
 * when the answer is written), so {@link #closed()} asks: once the request reads in
 * non-blocking mode (a {@link ReadListener}), {@link ServletInputStream#available()} of a
 * request whose body was read tries a non-blocking read of the connection, and reports
 * data when that read meets its end (or, harmlessly, the next pipelined request, which
 * Tomcat keeps). A request that cannot read so (a mock, a consumed body) is never closed.
 */
final class ClientConnection implements BooleanSupplier {

	private static final BooleanSupplier OPEN = () -> false;

	private final ServletInputStream input;

	private ClientConnection(ServletInputStream input) {
		this.input = input;
	}

	/**
	 * The check of {@code request}'s connection; call it once the request is
	 * asynchronous.
	 */
	static BooleanSupplier of(HttpServletRequest request) {
		try {
			ServletInputStream input = request.getInputStream();
			if (!input.isFinished()) {
				return OPEN;
			}
			input.setReadListener(new Ignored());
			return new ClientConnection(input);
		}
		catch (IOException | RuntimeException ex) {
			return OPEN;
		}
	}

	/** Whether the connection was closed (asks the socket; not thread-safe in Tomcat). */
	@Override
	public synchronized boolean getAsBoolean() {
		try {
			return this.input.available() > 0;
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	/** The body was read already: nothing to do when the container says so. */
	private static final class Ignored implements ReadListener {

		@Override
		public void onDataAvailable() {
		}

		@Override
		public void onAllDataRead() {
		}

		@Override
		public void onError(Throwable error) {
		}

	}

}
