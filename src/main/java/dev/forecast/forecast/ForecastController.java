package dev.forecast.forecast;

import java.util.ArrayList;
import java.util.List;

import dev.forecast.error.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;

@RestController
@Tag(name = "Forecasts", description = "Statistical and neural forecasts with prediction intervals, and backtests")
class ForecastController {

	static final String INTERVALS = "Prediction intervals come from the method's own one-step in-sample residuals over "
			+ "the last forecast.forecast.residual-window points (default 1000): at level L and step h the interval is "
			+ "[v + q((1-L)/2)·√h, v + q((1+L)/2)·√h], with q the empirical quantiles of those residuals, so they widen "
			+ "with the horizon and follow skewed errors. neural: split-conformal intervals from the run's validation "
			+ "errors, forecast ± the ceil((n+1)L)-th smallest of the n absolute validation errors k steps ahead, made "
			+ "non-decreasing in k (beyond the last scored step S: × √(k/S)). theta, ets, arima and auto: "
			+ "forecast ± z·sd, sd the square root of the fitted model's forecast variance (auto: the mean of its "
			+ "members' sd).";

	static final String CLASSICAL = "theta: the M3 winner as R's thetaf (seasonality test at 90%, multiplicative "
			+ "decomposition, simple exponential smoothing with drift half the linear trend's slope); ets and arima: "
			+ "exponential smoothing and seasonal ARIMA chosen by AICc, where this service has them (else 400). "
			+ "They are fitted to the last forecast.forecast.classical-history points (default 1000) with the "
			+ "period season (default from the frequency: 12 monthly, 4 quarterly, 7 daily, 24 hourly, 52 weekly, "
			+ "else 1), once per series state; params shows the fitted model (model, estimates). auto (the default): "
			+ "the mean of the forecasts of every classical method that can be fitted to the series; params.combined "
			+ "names them, params.members their fitted models, params.dropped those that could not be fitted and "
			+ "params.why the reason.";

	static final String NEURAL = "neural uses the run given by run, or else the series' succeeded run with the lowest "
			+ "validation MAE (409 when there is none, 404 for an unknown run, 400 for a run of another series); the "
			+ "response's run and params.run name it, params.modelHorizon is the steps its network emits per pass. A run "
			+ "trained with horizon h forecasts h steps in one pass; longer horizons feed its own forecasts back in, h "
			+ "steps per pass (recursive).";

	static final String NEURAL_EXAMPLE = """
			{"series": 1, "method": "neural", "horizon": 3,
			 "params": {"run": 7, "model": "conv_lstm", "window": 60, "modelHorizon": 12}, "run": 7,
			 "points": [{"t": "2018-08-31", "v": 6.93, "intervals": {"80": [-14.61, 28.47], "95": [-31.02, 44.88]}},
			            {"t": "2018-09-30", "v": 8.12, "intervals": {"80": [-15.20, 31.44], "95": [-32.77, 49.01]}},
			            {"t": "2018-10-31", "v": 9.40, "intervals": {"80": [-15.03, 33.83], "95": [-33.58, 52.38]}}]}""";

	static final String FORECAST_EXAMPLE = """
			{"series": 1, "method": "naive", "horizon": 3, "params": {}, "run": null,
			 "points": [{"t": "2018-08-31", "v": 1.6, "intervals": {"80": [-29.73, 33.41], "95": [-54.04, 61.51]}},
			            {"t": "2018-09-30", "v": 1.6, "intervals": {"80": [-42.71, 46.59], "95": [-77.09, 86.33]}},
			            {"t": "2018-10-31", "v": 1.6, "intervals": {"80": [-52.67, 56.70], "95": [-94.78, 105.37]}}]}""";

	static final String AUTO_EXAMPLE = """
			{"series": 1, "method": "auto", "horizon": 2,
			 "params": {"season": 12, "model": "mean of arima, ets, theta", "combined": ["arima", "ets", "theta"],
			            "rule": "mean", "why": "The equal-weight mean of the classical methods' forecasts: ...",
			            "members": {"arima": {"model": "ARIMA(1,1,0)(0,1,0)[12]", "aicc": 900.01},
			                        "ets": {"model": "ETS(M,Ad,M)", "aicc": 1250.51, "alpha": 0.758},
			                        "theta": {"model": "Theta (multiplicative seasonal adjustment, period 12)",
			                                  "alpha": 0.907, "drift": 1.277}},
			            "dropped": {}},
			 "run": null,
			 "points": [{"t": "1960-01-01", "v": 415.78, "intervals": {"80": [400.88, 430.69], "95": [392.99, 438.58]}},
			            {"t": "1960-02-01", "v": 405.42, "intervals": {"80": [386.51, 424.33], "95": [376.50, 434.34]}}]}""";

	static final String EVALUATION_EXAMPLE = """
			{"series": 1, "holdout": 235, "horizon": 1,
			 "results": [{"method": "naive", "params": {}, "forecasts": 235, "mae": 16.136, "rmse": 22.883,
			              "mape": 46.19, "mapeSkipped": 1, "smape": 34.92, "mase": 0.822,
			              "coverage": {"80": 0.855, "95": 0.962}},
			             {"method": "moving_average", "params": {"window": 3}, "forecasts": 235, "mae": 15.910,
			              "rmse": 22.503, "mape": 53.99, "mapeSkipped": 1, "smape": 36.17, "mase": 0.810,
			              "coverage": {"80": 0.872, "95": 0.970}}],
			 "best": "moving_average", "maseScale": 19.639, "skipped": [],
			 "notes": ["Each of the last holdout points is forecast horizon steps ahead from the points before it (rolling origin); intervals use the one-step residuals known at each origin.",
			           "MAPE skips the 1 holdout point(s) whose actual value is 0 (a percentage of 0 is undefined); the other metrics include them.",
			           "MASE = MAE / 19.6386, the in-sample one-step naive MAE over the 3000 points read before the holdout."]}""";

	static final String BAD_PARAMETER = """
			{"type": "about:blank", "title": "Invalid parameter", "status": 400,
			 "detail": "window: window 5000 is longer than the series (3235 points); pass a smaller window",
			 "errors": [{"field": "window", "message": "window 5000 is longer than the series (3235 points); pass a smaller window"}]}""";

	static final String NOT_FOUND = """
			{"type": "about:blank", "title": "Series not found", "status": 404,
			 "detail": "There is no series 42; GET /series lists the stored ones."}""";

	static final String NO_MODEL = """
			{"type": "about:blank", "title": "No trained model", "status": 409,
			 "detail": "Series 1 has no succeeded training run to forecast with: ..."}""";

	private final ForecastService forecasts;

	private final EvaluationService evaluations;

	private final Computations computations;

	ForecastController(ForecastService forecasts, EvaluationService evaluations, Computations computations) {
		this.computations = computations;
		this.forecasts = forecasts;
		this.evaluations = evaluations;
	}

	@GetMapping("/forecast")
	@Operation(summary = "Forecast a series horizon steps ahead, with prediction intervals",
			description = "Methods: naive (last value); seasonal_naive (the value one season earlier); moving_average "
					+ "(mean of the last window values; later steps average the earlier forecasts too); "
					+ "diff_moving_average (trailing moving average of d(t) = x(t) - x(t-season) over window, plus "
					+ "x(t-season), or with smoothing k > 0 plus the centred moving average of x over "
					+ "[t-season-k, t-season+k]); " + CLASSICAL + " neural (a trained model). " + NEURAL
					+ " Times continue "
					+ "the series' frequency (month-ends stay month-ends); an irregular series repeats its last spacing. "
					+ INTERVALS
					+ " A forecast reads only lookback + residual-window points from the end of the series.")
	@ApiResponse(responseCode = "200", description = "The forecast",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ForecastResponse.class),
					examples = { @ExampleObject(name = "airline passengers auto", value = AUTO_EXAMPLE),
							@ExampleObject(name = "sunspots naive", value = FORECAST_EXAMPLE),
							@ExampleObject(name = "sunspots neural", value = NEURAL_EXAMPLE) }))
	@ApiResponse(responseCode = "400", description = "A bad parameter, named in errors[].field",
			content = @Content(mediaType = "application/problem+json",
					examples = @ExampleObject(value = BAD_PARAMETER)))
	@ApiResponse(responseCode = "404", description = "Unknown series or run",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = NOT_FOUND)))
	@ApiResponse(responseCode = "409",
			description = "neural: the series has no succeeded training run, or the " + "given run has not succeeded",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = NO_MODEL)))
	ForecastResponse forecast(@Parameter(description = "Series id", example = "1") @RequestParam long series,
			@Parameter(
					description = "auto (default), naive, seasonal_naive, moving_average, diff_moving_average, "
							+ "theta, ets, arima or neural",
					example = "auto") @RequestParam(defaultValue = "auto") String method,
			@Parameter(description = "Steps ahead, 1 to forecast.forecast.max-horizon (default 1000)",
					example = "12") @RequestParam(defaultValue = "12") int horizon,
			@Parameter(description = "Moving-average length (moving_average, diff_moving_average); default one "
					+ "season of the frequency (3 without one), at most the series length (diff_moving_average: the "
					+ "length minus season)", example = "3") @RequestParam(required = false) Integer window,
			@Parameter(description = "Seasonal lag or period (seasonal_naive, diff_moving_average, theta, ets, arima, "
					+ "auto); default from the frequency: 12 monthly, 7 daily, 24 hourly, 52 weekly, 4 quarterly, "
					+ "else 1, and 1 when the series is not longer than one (diff_moving_average: two) such seasons; "
					+ "less than the series length", example = "12") @RequestParam(required = false) Integer season,
			@Parameter(
					description = "Half-width k of the centred average of the past (diff_moving_average); 0 (default) "
							+ "to season - 1",
					example = "5") @RequestParam(required = false) Integer smoothing,
			@Parameter(description = "Training run id (neural); default: the series' succeeded run with the lowest "
					+ "validation MAE. 404 when unknown, 400 when it belongs to another series, 409 unless it succeeded",
					example = "7") @RequestParam(required = false) Long run,
			@Parameter(description = "Model form (ets): ZZZ (default, chosen by AICc) or a fixed form such as MAdM",
					example = "ZZZ") @RequestParam(required = false) String model,
			@Parameter(description = "Interval levels in percent, comma-separated",
					example = "80,95") @RequestParam(required = false) String level) {
		return this.forecasts.forecast(series, Method.parse("method", method),
				new ForecastParams(window, season, smoothing, run, model), horizon, Levels.parse(level));
	}

	@GetMapping("/evaluation")
	@Operation(summary = "Backtest methods on the last holdout points (rolling origin) and name the best",
			description = "Every one of the last holdout points is forecast horizon steps ahead from the points before "
					+ "it, as if the series ended there (the origin rolls forward one step at a time). Metrics: MAE, "
					+ "RMSE, MAPE (in percent, skipping zero actuals; mapeSkipped and notes say how many), sMAPE "
					+ "(200|e|/(|actual|+|forecast|), in percent), MASE (MAE divided by the in-sample one-step naive MAE "
					+ "over the points before the holdout, maseScale), and the coverage of the prediction intervals. "
					+ "best is the method with the lowest MAE. The per-method parameters of /forecast apply to the "
					+ "methods that use them. Without methods, every method that needs no training is compared and "
					+ "those that do not fit the series are listed in skipped; neural joins them when the series has a "
					+ "succeeded run or run is given (its params.run names the run used; every origin's forecast goes "
					+ "through the network in one batch, and notes say when the holdout overlaps the run's training or "
					+ "calibration points). The classical methods (theta, ets, arima, auto) are fitted again at every "
					+ "scored origin to the points before it only; a holdout longer than forecast.forecast.max-refits "
					+ "(default 100) is then scored at evenly spaced points (every method alike), forecasts says how "
					+ "many. " + INTERVALS)
	@ApiResponse(responseCode = "200", description = "The backtest",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = EvaluationResponse.class),
					examples = @ExampleObject(name = "sunspots, course split", value = EVALUATION_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "A bad parameter, named in errors[].field",
			content = @Content(mediaType = "application/problem+json",
					examples = @ExampleObject(value = BAD_PARAMETER)))
	@ApiResponse(responseCode = "404", description = "Unknown series or run",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "neural listed in methods (or run given) without a succeeded run",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = NO_MODEL)))
	WebAsyncTask<EvaluationResponse> evaluation(
			@Parameter(description = "Series id", example = "1") @RequestParam long series,
			@Parameter(
					description = "Number of final points to forecast; default a tenth of the series, at most "
							+ "forecast.forecast.max-holdout (default 10000)",
					example = "235") @RequestParam(required = false) Integer holdout,
			@Parameter(description = "Steps ahead of each forecast",
					example = "1") @RequestParam(defaultValue = "1") int horizon,
			@Parameter(
					description = "Comma-separated methods; default every method that needs no training, plus "
							+ "neural when the series has a succeeded run or run is given",
					example = "naive,moving_average") @RequestParam(required = false) String methods,
			@Parameter(description = "Moving-average length (moving_average, diff_moving_average)",
					example = "3") @RequestParam(required = false) Integer window,
			@Parameter(description = "Seasonal lag or period (seasonal_naive, diff_moving_average, theta, ets, arima, "
					+ "auto)", example = "12") @RequestParam(required = false) Integer season,
			@Parameter(
					description = "Half-width of the centred average of the past (diff_moving_average)") @RequestParam(
							required = false) Integer smoothing,
			@Parameter(description = "Training run id (neural); default: the series' succeeded run with the lowest "
					+ "validation MAE", example = "7") @RequestParam(required = false) Long run,
			@Parameter(description = "Model form (ets): ZZZ (default) or a fixed form such as MAdM",
					example = "ZZZ") @RequestParam(required = false) String model,
			@Parameter(description = "Interval levels in percent whose coverage is reported",
					example = "80,95") @RequestParam(required = false) String level,
			HttpServletRequest request) {
		List<Method> chosen = methods(methods);
		ForecastParams params = new ForecastParams(window, season, smoothing, run, model);
		Levels levels = Levels.parse(level);
		return this.computations.submit("Evaluation of series " + series, request,
				work -> this.evaluations.evaluate(series, holdout, horizon, chosen, params, levels, work));
	}

	private static List<Method> methods(String text) {
		if (text == null) {
			return null;
		}
		List<Method> methods = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			Method method = Method.parse("methods", part);
			if (!methods.contains(method)) {
				methods.add(method);
			}
		}
		if (methods.isEmpty()) {
			throw BadRequestException.invalid("methods", "name at least one of " + Method.codes());
		}
		return methods;
	}

}
