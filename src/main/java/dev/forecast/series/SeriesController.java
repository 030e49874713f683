package dev.forecast.series;

import java.security.Principal;

import dev.forecast.idempotency.Fingerprint;
import dev.forecast.idempotency.IdempotencyKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;

import dev.forecast.error.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static dev.forecast.series.SeriesNames.baseName;
import static dev.forecast.series.SeriesNames.nameOr;

@RestController
@RequestMapping("/series")
@Tag(name = "Series", description = "Upload, read, append and delete time series")
class SeriesController {

	static final String CSV = "text/csv";

	static final String SUNSPOTS_HEAD = """
			,Date,Monthly Mean Total Sunspot Number
			0,1749-01-31,96.7
			1,1749-02-28,104.3
			2,1749-03-31,116.7
			""";

	private final SeriesService service;

	private final SeriesProperties properties;

	private final IdempotencyKeys keys;

	SeriesController(SeriesService service, SeriesProperties properties, IdempotencyKeys keys) {
		this.service = service;
		this.properties = properties;
		this.keys = keys;
	}

	@PostMapping(consumes = CSV)
	@Operation(summary = "Upload a series as a CSV body",
			description = "Accepts CSV as people have it: a header row, a leading unnamed index column, quoted fields, "
					+ "CRLF line endings; dates (2018-07-31), date-times (2016-07-01 00:00:00) and ISO-8601; "
					+ "UTF-8 or UTF-16 with a byte-order mark; comma, semicolon or tab delimiters (detected, or an "
					+ "Excel sep= first line), decimal commas when the delimiter is not a comma. "
					+ "Without timeColumn/valueColumn the first date column and the last numeric column are used.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = CSV, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "sunspots", value = SUNSPOTS_HEAD))))
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<SeriesResponse> uploadCsv(
			@Parameter(description = "Name (default: series)") @RequestParam(required = false) String name,
			@Parameter(description = "Time column: header name or 1-based position") @RequestParam(
					required = false) String timeColumn,
			@Parameter(description = "Value column: header name or 1-based position") @RequestParam(
					required = false) String valueColumn,
			@Parameter(
					description = "Field delimiter: comma, semicolon, tab or one character (default: a sep= first line, else detected)") @RequestParam(
							required = false) String delimiter,
			@Parameter(
					description = "Decimal mark: . or , (default: , is read too when the delimiter is not a comma)") @RequestParam(
							required = false) String decimal,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, HttpServletRequest request,
			Principal principal) throws IOException {
		Fingerprint fingerprint = Fingerprint.of("POST /series", "csv", name, timeColumn, valueColumn, delimiter,
				decimal);
		ParsedSeries parsed = parseCsv(fingerprint.reading(request.getInputStream()), timeColumn, valueColumn,
				delimiter, decimal);
		return create(key, principal, fingerprint, nameOr(name, "series"), parsed);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a series as a CSV file (multipart part 'file')")
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<SeriesResponse> uploadFile(@RequestPart("file") MultipartFile file,
			@Parameter(description = "Name (default: the file name)") @RequestParam(required = false) String name,
			@RequestParam(required = false) String timeColumn, @RequestParam(required = false) String valueColumn,
			@RequestParam(required = false) String delimiter, @RequestParam(required = false) String decimal,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, Principal principal)
			throws IOException {
		Fingerprint fingerprint = Fingerprint.of("POST /series", file.getOriginalFilename(), name, timeColumn,
				valueColumn, delimiter, decimal);
		ParsedSeries parsed = parseCsv(fingerprint.reading(file.getInputStream()), timeColumn, valueColumn, delimiter,
				decimal);
		return create(key, principal, fingerprint, nameOr(name, baseName(file.getOriginalFilename())), parsed);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Upload a series as JSON (points, or start + frequency + values)")
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<SeriesResponse> uploadJson(@RequestBody SeriesUpload upload,
			@Parameter(description = "Name (default: the body's name, else series)") @RequestParam(
					required = false) String name,
			@Parameter(description = IdempotencyKeys.DESCRIPTION) @RequestHeader(name = IdempotencyKeys.HEADER,
					required = false) String key,
			Principal principal) {
		ParsedSeries parsed = JsonSeriesReader.read(upload);
		return create(key, principal, this.keys.fingerprint("POST /series json", upload, name),
				nameOr(name, nameOr(upload.name(), "series")), parsed);
	}

	@GetMapping
	@Operation(summary = "List series, newest first")
	SeriesPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw BadRequestException.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > this.properties.maxPageSize()) {
			throw BadRequestException.invalid("size", "must be between 1 and " + this.properties.maxPageSize());
		}
		List<SeriesResponse> items = this.service.list(page, size).stream().map(SeriesResponse::of).toList();
		return new SeriesPage(items, page, size, this.service.count());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a series' metadata and statistics")
	SeriesResponse get(@PathVariable long id) {
		return SeriesResponse.of(this.service.get(id));
	}

	@GetMapping(path = "/{id}/points", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(
			summary = "Read points, optionally from/to a time and at most limit of them (JSON or, with Accept: text/csv, CSV)")
	PointsResponse points(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer limit) {
		Series series = this.service.get(id);
		return PointsResponse.of(readPoints(id, from, to, limit), series.isDateOnly());
	}

	@GetMapping(path = "/{id}/points", produces = CSV)
	void pointsCsv(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer limit,
			HttpServletResponse response) throws IOException {
		Series series = this.service.get(id);
		Observations points = readPoints(id, from, to, limit);
		response.setContentType(CSV + ";charset=UTF-8");
		Writer out = response.getWriter();
		out.write("t,v\n");
		for (int i = 0; i < points.size(); i++) {
			out.write(TimeFormat.format(points.times()[i], series.isDateOnly()));
			out.write(',');
			out.write(Double.toString(points.values()[i]));
			out.write('\n');
		}
		out.flush();
	}

	@PostMapping(path = "/{id}/points", consumes = CSV)
	@Operation(summary = "Append points after the last stored one (CSV body); 409 when they overlap")
	SeriesResponse appendCsv(@PathVariable long id, @RequestParam(required = false) String timeColumn,
			@RequestParam(required = false) String valueColumn, @RequestParam(required = false) String delimiter,
			@RequestParam(required = false) String decimal, HttpServletRequest request) throws IOException {
		return SeriesResponse.of(this.service.append(id,
				parseCsv(request.getInputStream(), timeColumn, valueColumn, delimiter, decimal)));
	}

	@PostMapping(path = "/{id}/points", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Append points from a CSV file (multipart part 'file')")
	SeriesResponse appendFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String timeColumn, @RequestParam(required = false) String valueColumn,
			@RequestParam(required = false) String delimiter, @RequestParam(required = false) String decimal)
			throws IOException {
		return SeriesResponse
			.of(this.service.append(id, parseCsv(file.getInputStream(), timeColumn, valueColumn, delimiter, decimal)));
	}

	@PostMapping(path = "/{id}/points", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Append points given as JSON")
	SeriesResponse appendJson(@PathVariable long id, @RequestBody SeriesUpload upload) {
		return SeriesResponse.of(this.service.append(id, JsonSeriesReader.read(upload)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a series with its points, runs and models")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

	private ParsedSeries parseCsv(InputStream body, String timeColumn, String valueColumn, String delimiter,
			String decimal) {
		return CsvSeriesParser.parse(body, timeColumn, valueColumn, delimiter, decimal);
	}

	private Observations readPoints(long id, String from, String to, Integer limit) {
		if (limit != null && limit < 1) {
			throw BadRequestException.invalid("limit", "must be 1 or more");
		}
		LocalDateTime lo = time("from", from);
		LocalDateTime hi = time("to", to);
		if (lo != null && hi != null && lo.isAfter(hi)) {
			throw BadRequestException.invalid("to", "must not be before from");
		}
		return this.service.range(id, lo, hi, limit == null ? Integer.MAX_VALUE : limit);
	}

	private static LocalDateTime time(String parameter, String text) {
		if (text == null) {
			return null;
		}
		long t = Timestamps.parse(text);
		if (t == Timestamps.INVALID) {
			throw BadRequestException.invalid(parameter, "'" + text + "' is not a date or date-time");
		}
		return Observations.toDateTime(t);
	}

	private ResponseEntity<SeriesResponse> create(String key, Principal principal, Fingerprint fingerprint, String name,
			ParsedSeries parsed) {
		return this.keys.create(key, principal, fingerprint, SeriesResponse.class,
				() -> created(this.service.create(name, parsed)));
	}

	private static ResponseEntity<SeriesResponse> created(Series series) {
		return ResponseEntity.created(URI.create("/series/" + series.getId())).body(SeriesResponse.of(series));
	}

}
