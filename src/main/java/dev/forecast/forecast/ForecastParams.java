package dev.forecast.forecast;

/**
 * The per-method parameters of a forecast or evaluation request as the client sent them;
 * each {@link Forecaster} reads those it uses and fills in defaults. Any of them may be
 * {@code null}.
 *
 * @param window moving-average length ({@code moving_average},
 * {@code diff_moving_average})
 * @param season seasonal lag ({@code seasonal_naive}, {@code diff_moving_average})
 * @param smoothing half-width of the centred average of the past
 * ({@code diff_moving_average})
 * @param run training run id ({@code neural})
 * @param model the model form of a classical method ({@code ets}: {@code ZZZ} automatic,
 * or a fixed form such as {@code MAdM})
 */
public record ForecastParams(Integer window, Integer season, Integer smoothing, Long run, String model) {

	public ForecastParams(Integer window, Integer season, Integer smoothing, Long run) {
		this(window, season, smoothing, run, null);
	}

	public static ForecastParams none() {
		return new ForecastParams(null, null, null, null, null);
	}

}
