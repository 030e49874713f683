package dev.forecast.collection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forecast.error.ApiException;
import dev.forecast.forecast.ForecastParams;
import dev.forecast.forecast.ForecastResponse;
import dev.forecast.forecast.ForecastService;
import dev.forecast.forecast.Levels;
import dev.forecast.forecast.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Forecasts every member of a collection with {@link ForecastService} (the numbers of
 * {@code GET /forecast} for each), on the {@link MemberPool}, and writes them as they
 * come in the members' order: a long CSV table ({@code id,t,v,lo80,hi80,lo95,hi95}) or a
 * JSON document written member by member. A member that cannot be forecast is named with
 * the reason in JSON and left out of the CSV.
 */
@Component
class CollectionForecasts {

	private static final Logger log = LoggerFactory.getLogger(CollectionForecasts.class);

	private final ForecastService forecasts;

	private final MemberPool pool;

	private final JsonMapper json;

	CollectionForecasts(ForecastService forecasts, MemberPool pool, JsonMapper json) {
		this.forecasts = forecasts;
		this.pool = pool;
		this.json = json;
	}

	/** What is asked of every member. */
	record Request(long collection, Method method, ForecastParams params, int horizon, Levels levels) {
	}

	/** One member's forecast, or why there is none. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record MemberForecast(String id, long series, Map<String, Object> params, Long run,
			List<ForecastResponse.Point> points, String error) {
	}

	void writeCsv(List<CollectionStore.Member> members, Request request, OutputStream body) {
		Writer out = writer(body);
		List<Double> percents = request.levels().percents();
		write(out, "id,t,v");
		for (double percent : percents) {
			String key = Levels.key(percent);
			write(out, ",lo" + key + ",hi" + key);
		}
		write(out, "\n");
		this.pool.inOrder(members, member -> forecast(member, request), forecast -> {
			if (forecast.points() == null) {
				return;
			}
			StringBuilder rows = new StringBuilder(64 * forecast.points().size());
			for (ForecastResponse.Point point : forecast.points()) {
				rows.append(csvField(forecast.id())).append(',').append(point.t()).append(',').append(point.v());
				for (double percent : percents) {
					double[] interval = point.intervals().get(Levels.key(percent));
					rows.append(',').append(interval == null ? "" : Double.toString(interval[0]));
					rows.append(',').append(interval == null ? "" : Double.toString(interval[1]));
				}
				rows.append('\n');
			}
			write(out, rows.toString());
		});
		flush(out);
	}

	void writeJson(List<CollectionStore.Member> members, Request request, OutputStream body) {
		Writer out = writer(body);
		write(out, "{\"collection\":" + request.collection() + ",\"method\":\"" + request.method().code()
				+ "\",\"horizon\":" + request.horizon() + ",\"members\":" + members.size() + ",\"forecasts\":[");
		boolean[] first = { true };
		this.pool.inOrder(members, member -> forecast(member, request), forecast -> {
			write(out, (first[0] ? "\n" : ",\n") + this.json.writeValueAsString(forecast));
			first[0] = false;
		});
		write(out, "]}\n");
		flush(out);
	}

	private MemberForecast forecast(CollectionStore.Member member, Request request) {
		try {
			ForecastResponse forecast = this.forecasts.forecast(member.seriesId(), request.method(), request.params(),
					request.horizon(), request.levels());
			return new MemberForecast(member.key(), member.seriesId(), forecast.params(), forecast.run(),
					forecast.points(), null);
		}
		catch (ApiException ex) {
			return new MemberForecast(member.key(), member.seriesId(), null, null, null, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Forecast of series {} (member '{}') failed", member.seriesId(), member.key(), ex);
			return new MemberForecast(member.key(), member.seriesId(), null, null, null,
					"the forecast failed: " + ex.getClass().getSimpleName());
		}
	}

	static String csvField(String text) {
		boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
				|| text.indexOf('\r') >= 0;
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static Writer writer(OutputStream body) {
		return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16);
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void flush(Writer out) {
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
