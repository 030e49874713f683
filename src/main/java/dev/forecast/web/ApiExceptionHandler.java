package dev.forecast.web;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.ApiException;
import dev.forecast.error.FieldProblem;
import dev.forecast.error.ServiceUnavailableException;
import dev.forecast.error.TransientDatabaseErrors;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 9457 problem details. Every answer has a
 * {@code title} and a {@code detail} saying what to fix; validation problems also list
 * {@code errors} as {@code {field, message}}. Unexpected exceptions are logged and
 * answered with a generic 500 that carries no stack trace or internal message.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** Retry-After of a 503 for a passing database fault. */
	static final long RETRY_AFTER_SECONDS = 2;

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handleApi(ApiException ex, WebRequest request) {
		return problem(ex, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
		String message = "'" + ex.getValue() + "' is not a valid " + describe(expected);
		return validation(HttpStatus.BAD_REQUEST, ex.getName() + ": " + message,
				List.of(new FieldProblem(ex.getName(), message)), ex, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return validation(HttpStatus.BAD_REQUEST, summary(errors), errors, ex, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		ApiException cause = findCause(ex, ApiException.class);
		if (cause != null) {
			return problem(cause, request);
		}
		if (TransientDatabaseErrors.isTransient(ex)) {
			log.warn("Database unavailable on {}: {}", request.getDescription(false), ex.toString());
			return problem(new ServiceUnavailableException(
					"The database did not answer for a moment; retry the "
							+ "request (a write may have been stored: check before sending it again).",
					RETRY_AFTER_SECONDS), request);
		}
		log.error("Unexpected error on {}", request.getDescription(false), ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server failed to answer this request; the error has been logged.");
		body.setTitle("Internal error");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status,
				"The upload is larger than the configured limit (forecast.series.max-upload-size).");
		body.setTitle("Payload too large");
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return validation(status, summary(errors), errors, ex, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
		});
		return validation(status, summary(errors), errors, ex, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = "is required";
		return validation(status, ex.getParameterName() + ": " + message,
				List.of(new FieldProblem(ex.getParameterName(), message)), ex, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ApiException cause = findCause(ex, ApiException.class);
		if (cause != null) {
			return problem(cause, request);
		}
		JacksonException json = findCause(ex, JacksonException.class);
		String detail;
		List<FieldProblem> errors = List.of();
		if (json != null) {
			String where = json.getLocation() == null ? ""
					: " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
			detail = "The JSON body could not be read" + where + ": " + json.getOriginalMessage();
			String field = jsonField(json);
			if (!field.isEmpty()) {
				errors = List.of(new FieldProblem(field, json.getOriginalMessage()));
			}
		}
		else {
			detail = "The request body is missing or could not be read.";
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle("Malformed request body");
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
			request.setAttribute(ProblemTitle.ATTRIBUTE, problem.getTitle(), RequestAttributes.SCOPE_REQUEST);
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	private ResponseEntity<Object> problem(ApiException ex, WebRequest request) {
		HttpStatus status = HttpStatus.valueOf(ex.status());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		body.setTitle(ex.title());
		if (!ex.errors().isEmpty()) {
			body.setProperty("errors", ex.errors());
		}
		HttpHeaders headers = new HttpHeaders();
		ex.headers().forEach(headers::add);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	private ResponseEntity<Object> validation(HttpStatusCode status, String detail, List<FieldProblem> errors,
			Exception ex, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle("Invalid request");
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, new HttpHeaders(), status, request);
	}

	private static String summary(List<FieldProblem> errors) {
		if (errors.isEmpty()) {
			return "The request is not valid.";
		}
		return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
	}

	private static String jsonField(JacksonException json) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference ref : json.getPath()) {
			if (ref.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				field.append('[').append(ref.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

	private static String describe(String type) {
		return switch (type) {
			case "int", "Integer", "long", "Long" -> "whole number";
			case "double", "Double" -> "number";
			default -> type;
		};
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}
