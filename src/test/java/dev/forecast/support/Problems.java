package dev.forecast.support;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks of an RFC 9457 problem detail answered through MockMvc (the slice tests'
 * counterpart of the integration tests' checks over real HTTP).
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Asserts {@code result} is a problem detail of {@code status} with a title and a
	 * detail and no stack trace, and returns its body.
	 */
	public static String assertProblem(MvcResult result, int status) throws Exception {
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(body, "$.title")).isNotBlank();
		assertThat((String) JsonPath.read(body, "$.detail")).isNotBlank();
		assertThat(body).doesNotContain("Exception", "\tat ");
		return body;
	}

	/** A 400 problem detail whose first error names {@code field}; returns its body. */
	public static String assertBadParameter(MvcResult result, String field) throws Exception {
		String body = assertProblem(result, 400);
		assertThat((String) JsonPath.read(body, "$.errors[0].field")).as(body).isEqualTo(field);
		return body;
	}

	public static String detail(String body) {
		return JsonPath.read(body, "$.detail");
	}

}
