package dev.forecast.collection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.forecast.Computations;
import dev.forecast.forecast.ForecastParams;
import dev.forecast.forecast.ForecastProperties;
import dev.forecast.forecast.Levels;
import dev.forecast.forecast.Method;
import dev.forecast.series.LongCsvParser;
import dev.forecast.series.LongTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/collections")
@Tag(name = "Collections", description = "Many series in one long table: upload, forecast and backtest them together")
class CollectionController {

	static final String CSV = "text/csv";

	static final String LONG_CSV = "A long table: an id column, a timestamp column and a value column (unique_id,ds,y, "
			+ "id,date,value and the like are recognized; else the first date column, the last other numeric column "
			+ "and the first remaining column), in any dialect POST /series reads. One series per id; rows of an id "
			+ "may come in any order. A bad line is answered 400 naming the line and the id, and nothing is stored.";

	private final CollectionService service;

	private final CollectionForecasts forecasts;

	private final CollectionEvaluation evaluation;

	private final CollectionProperties properties;

	private final ForecastProperties forecastProperties;

	private final Computations computations;

	CollectionController(CollectionService service, CollectionForecasts forecasts, CollectionEvaluation evaluation,
			CollectionProperties properties, ForecastProperties forecastProperties, Computations computations) {
		this.service = service;
		this.computations = computations;
		this.forecasts = forecasts;
		this.evaluation = evaluation;
		this.properties = properties;
		this.forecastProperties = forecastProperties;
	}

	/** The CSV parameters of an upload or append. */
	record CsvOptions(@Parameter(description = "Id column: header name or 1-based position") String idColumn,
			@Parameter(description = "Time column: header name or 1-based position") String timeColumn,
			@Parameter(description = "Value column: header name or 1-based position") String valueColumn,
			@Parameter(description = "comma, semicolon, tab or one character (default: detected)") String delimiter,
			@Parameter(description = ". or , (default: , too when the delimiter is not a comma)") String decimal) {
	}

	@PostMapping(consumes = CSV)
	@Operation(summary = "Create a collection from a long CSV table (one series per id)", description = LONG_CSV)
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<CollectionResponse> uploadCsv(@RequestParam(required = false) String name,
			@ModelAttribute CsvOptions options, HttpServletRequest request) throws IOException {
		return created(this.service.create(nameOr(name, "collection"), parse(request.getInputStream(), options)));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Create a collection from a long CSV file (multipart part 'file')", description = LONG_CSV)
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<CollectionResponse> uploadFile(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String name, @ModelAttribute CsvOptions options) throws IOException {
		return created(this.service.create(nameOr(name, "collection"), parse(file.getInputStream(), options)));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a collection from JSON: series as POST /series takes them, name as the id")
	@ApiResponse(responseCode = "201", description = "Stored")
	ResponseEntity<CollectionResponse> uploadJson(@RequestBody CollectionUpload upload,
			@RequestParam(required = false) String name) {
		LongTable table = JsonCollectionReader.read(upload, this.properties.maxUploadRows());
		return created(this.service.create(nameOr(name, nameOr(upload.name(), "collection")), table));
	}

	@PostMapping(path = "/{id}/points", consumes = CSV)
	@Operation(summary = "Append a long CSV table: points after each member's last one, new ids become members")
	CollectionResponse appendCsv(@PathVariable long id, @ModelAttribute CsvOptions options, HttpServletRequest request)
			throws IOException {
		return this.service.append(id, parse(request.getInputStream(), options));
	}

	@PostMapping(path = "/{id}/points", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Append a long CSV file (multipart part 'file')")
	CollectionResponse appendFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@ModelAttribute CsvOptions options) throws IOException {
		return this.service.append(id, parse(file.getInputStream(), options));
	}

	@PostMapping(path = "/{id}/points", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Append series given as JSON (name as the id)")
	CollectionResponse appendJson(@PathVariable long id, @RequestBody CollectionUpload upload) {
		return this.service.append(id, JsonCollectionReader.read(upload, this.properties.maxUploadRows()));
	}

	@GetMapping
	@Operation(summary = "List collections, newest first")
	CollectionPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		checkPage(page, size);
		return this.service.list(page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A collection with a page of its members (length, frequency, gaps)")
	CollectionDetail get(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		checkPage(page, size);
		return this.service.get(id, page, size);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a collection with its member series (and their runs and models)")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/{id}/forecast", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	@Operation(summary = "Forecast every member (as GET /forecast), streamed as a long CSV table or JSON",
			description = "Members are forecast in parallel on forecast.collection.threads threads and written in "
					+ "their order as they come: with Accept: text/csv (or format=csv) the rows "
					+ "id,t,v,lo80,hi80,lo95,hi95 (one lo/hi pair per level), else JSON "
					+ "{collection, method, horizon, members, forecasts: [{id, series, params, points} or "
					+ "{id, series, error}]}. A member that cannot be forecast is named with the reason in JSON and "
					+ "left out of the CSV. Parameters as GET /forecast.")
	void forecast(@PathVariable long id, @RequestParam(defaultValue = "auto") String method,
			@RequestParam(defaultValue = "12") int horizon, @RequestParam(required = false) Integer window,
			@RequestParam(required = false) Integer season, @RequestParam(required = false) Integer smoothing,
			@RequestParam(required = false) Long run, @RequestParam(required = false) String model,
			@RequestParam(required = false) String level,
			@Parameter(description = "csv or json (default: from Accept, else json)") @RequestParam(
					required = false) String format,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		List<CollectionStore.Member> members = this.service.members(id);
		checkHorizon(horizon);
		CollectionForecasts.Request wanted = new CollectionForecasts.Request(id, Method.parse("method", method),
				new ForecastParams(window, season, smoothing, run, model), horizon, Levels.parse(level));
		if (csv(format, request.getHeader("Accept"))) {
			response.setContentType(CSV + ";charset=UTF-8");
			this.forecasts.writeCsv(members, wanted, response.getOutputStream());
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.forecasts.writeJson(members, wanted, response.getOutputStream());
		}
	}

	@GetMapping("/{id}/evaluation")
	@Operation(summary = "Backtest every member (as GET /evaluation) and aggregate per method",
			description = "Per method the mean and median MAE, RMSE, sMAPE and MASE over the members it was "
					+ "scored on; best is the method with the lowest mean MASE (sMAPE when no member has a MASE), "
					+ "wins counts the members each method is best on (lowest MAE), members gives each member's best, "
					+ "failed the members that could not be backtested and why. Parameters as GET /evaluation; "
					+ "holdout defaults to a tenth of each member.")
	WebAsyncTask<CollectionEvaluationResponse> evaluation(@PathVariable long id,
			@RequestParam(required = false) Integer holdout, @RequestParam(defaultValue = "1") int horizon,
			@RequestParam(required = false) String methods, @RequestParam(required = false) Integer window,
			@RequestParam(required = false) Integer season, @RequestParam(required = false) Integer smoothing,
			@RequestParam(required = false) Long run, @RequestParam(required = false) String model,
			HttpServletRequest request) {
		List<CollectionStore.Member> members = this.service.members(id);
		checkHorizon(horizon);
		List<Method> chosen = null;
		if (methods != null && !methods.isBlank()) {
			chosen = new ArrayList<>();
			for (String code : methods.split(",")) {
				chosen.add(Method.parse("methods", code));
			}
		}
		List<Method> picked = chosen;
		ForecastParams params = new ForecastParams(window, season, smoothing, run, model);
		// one deadline for all members; stops too when the client goes away
		return this.computations.submit("Evaluation of collection " + id, request,
				work -> this.evaluation.evaluate(id, members, holdout, horizon, picked, params, work));
	}

	private LongTable parse(InputStream body, CsvOptions options) {
		return LongCsvParser.parse(body,
				new LongCsvParser.Options(options.idColumn(), options.timeColumn(), options.valueColumn(),
						options.delimiter(), options.decimal()),
				this.properties.maxUploadRows(), CollectionService.MAX_ROWS);
	}

	private void checkHorizon(int horizon) {
		int max = this.forecastProperties.maxHorizon();
		if (horizon < 1 || horizon > max) {
			throw BadRequestException.invalid("horizon", "must be between 1 and " + max + ", was " + horizon);
		}
	}

	private void checkPage(int page, int size) {
		if (page < 0) {
			throw BadRequestException.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > this.properties.maxPageSize()) {
			throw BadRequestException.invalid("size", "must be between 1 and " + this.properties.maxPageSize());
		}
	}

	private static boolean csv(String format, String accept) {
		if (format != null) {
			return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
				case "csv" -> true;
				case "json" -> false;
				default -> throw BadRequestException.invalid("format", "'" + format + "' is not csv or json");
			};
		}
		return accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
	}

	private static ResponseEntity<CollectionResponse> created(CollectionResponse collection) {
		return ResponseEntity.created(URI.create("/collections/" + collection.id())).body(collection);
	}

	private static String nameOr(String name, String fallback) {
		return name == null || name.isBlank() ? fallback : name.trim();
	}

}
