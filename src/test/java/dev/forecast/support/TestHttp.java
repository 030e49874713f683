package dev.forecast.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/** A tiny HTTP client for integration tests: real requests, answers read with JSONPath. */
public final class TestHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	TestHttp(String base) {
		this.base = base;
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
		try {
			String boundary = "----test" + UUID.randomUUID();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] content = Files.readAllBytes(file);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[head.length + content.length + tail.length];
			System.arraycopy(head, 0, body, 0, head.length);
			System.arraycopy(content, 0, body, head.length, content.length);
			System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
			return post(path, "multipart/form-data; boundary=" + boundary, BodyPublishers.ofByteArray(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60));
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
