package dev.forecast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

/**
 * A tiny HTTP client for integration tests: real requests, answers read with JSONPath.
 */
public final class TestHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String apiKey;

	TestHttp(String base) {
		this(base, null);
	}

	private TestHttp(String base, String apiKey) {
		this.base = base;
		this.apiKey = apiKey;
	}

	/** The same client sending {@code key} as {@code X-API-Key} with every request. */
	public TestHttp withApiKey(String key) {
		return new TestHttp(this.base, key);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
	}

	public Response post(String path, String contentType, BodyPublisher body) {
		return send(request(path).header("Content-Type", contentType).POST(body));
	}

	public Response postJson(String path, String json) {
		return post(path, "application/json", json);
	}

	public Response postCsv(String path, String csv) {
		return post(path, "text/csv", csv);
	}

	public Response postCsv(String path, Path file) {
		try {
			return post(path, "text/csv", BodyPublishers.ofFile(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A multipart/form-data upload of {@code file} as part {@code file}. */
	public Response postFile(String path, Path file) {
		return send(multipart(path, file));
	}

	/**
	 * A multipart/form-data request uploading {@code file} as part {@code file}, ready to
	 * send.
	 */
	public HttpRequest.Builder multipart(String path, Path file) {
		try {
			String boundary = "----test" + UUID.randomUUID();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] content = Files.readAllBytes(file);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[head.length + content.length + tail.length];
			System.arraycopy(head, 0, body, 0, head.length);
			System.arraycopy(content, 0, body, head.length, content.length);
			System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
			return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(BodyPublishers.ofByteArray(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends only the head of a request with {@code Expect: 100-continue} over a plain
	 * socket and reads the answer the server gives before any body is sent: the status
	 * and the body text.
	 */
	public RawResponse headOnly(String method, String path, String contentType, long contentLength) {
		URI uri = URI.create(this.base);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(30_000);
			String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: "
					+ contentType + "\r\nContent-Length: " + contentLength
					+ "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring(9, 12));
			int bodyStart = answer.indexOf("\r\n\r\n");
			return new RawResponse(status, answer.substring(0, bodyStart), answer.substring(bodyStart + 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What {@link #headOnly} read: status line code, the header block and the (possibly
	 * chunked) body.
	 */
	public record RawResponse(int status, String headers, String body) {
	}

	public HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		return (this.apiKey != null) ? request.header("X-API-Key", this.apiKey) : request;
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, headers and the body, with JSONPath reads of it. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public <T> T json(String path) {
			return JsonPath.read(this.raw.body(), path);
		}

		public long id() {
			return ((Number) json("$.id")).longValue();
		}

		@Override
		public String toString() {
			return this.raw.statusCode() + " " + this.raw.body();
		}

	}

}
