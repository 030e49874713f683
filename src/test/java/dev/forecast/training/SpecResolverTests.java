package dev.forecast.training;

import java.util.List;

import dev.forecast.error.BadRequestException;
import dev.forecast.error.FieldProblem;
import dev.forecast.model.TrainSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every option of a TrainRequest is resolved with its default, and a bad value is a 400
 * naming its field.
 */
class SpecResolverTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SpecResolver resolver = new SpecResolver(
			new TrainingProperties(1000, 4096, 1000, 365, 512, 1, 200, 5_000_000L));

	private TrainSpec resolve(String json) {
		return this.resolver.resolve(JSON.readValue(json, TrainRequest.class), 500);
	}

	private List<String> fields(String json) {
		BadRequestException ex = catchThrowableOfType(BadRequestException.class, () -> resolve(json));
		assertThat(ex).as(json).isNotNull();
		assertThat(ex.status()).isEqualTo(400);
		return ex.errors().stream().map(FieldProblem::field).toList();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"optimizer\":{\"learningRate\":-0.1}}|optimizer.learningRate",
			"{\"optimizer\":{\"learningRate\":0}}|optimizer.learningRate",
			"{\"optimizer\":{\"momentum\":1}}|optimizer.momentum", "{\"optimizer\":{\"rho\":-0.5}}|optimizer.rho",
			"{\"optimizer\":{\"beta1\":1.5}}|optimizer.beta1", "{\"optimizer\":{\"beta2\":1}}|optimizer.beta2",
			"{\"optimizer\":{\"epsilon\":0}}|optimizer.epsilon",
			"{\"optimizer\":{\"type\":\"adadelta\"}}|optimizer.type",
			"{\"regularization\":{\"dropout\":1}}|regularization.dropout",
			"{\"regularization\":{\"dropout\":-0.1}}|regularization.dropout",
			"{\"regularization\":{\"l1\":-1}}|regularization.l1", "{\"regularization\":{\"l2\":-1}}|regularization.l2",
			"{\"regularization\":{\"maxNorm\":0}}|regularization.maxNorm",
			"{\"regularization\":{\"clipValue\":-1}}|regularization.clipValue",
			"{\"regularization\":{\"clipValue\":1,\"clipNorm\":1}}|regularization.clipNorm",
			"{\"init\":\"orthogonal\"}|init", "{\"model\":\"transformer\"}|model",
			"{\"schedule\":{\"type\":\"cosine\"}}|schedule.type",
			"{\"schedule\":{\"type\":\"exponential\",\"decay\":1.5}}|schedule.decay",
			"{\"schedule\":{\"type\":\"exponential\",\"steps\":0}}|schedule.steps",
			"{\"schedule\":{\"type\":\"exponential\",\"boundaries\":[3]}}|schedule.boundaries",
			"{\"schedule\":{\"type\":\"power\",\"power\":-1}}|schedule.power",
			"{\"schedule\":{\"type\":\"piecewise\",\"boundaries\":[5,3],\"values\":[0.1,0.01,0.001]}}|schedule.boundaries",
			"{\"schedule\":{\"type\":\"piecewise\",\"boundaries\":[5],\"values\":[0.1]}}|schedule.values",
			"{\"schedule\":{\"type\":\"piecewise\"}}|schedule.boundaries",
			"{\"schedule\":{\"type\":\"plateau\",\"factor\":1.5}}|schedule.factor",
			"{\"schedule\":{\"type\":\"plateau\",\"patience\":0}}|schedule.patience",
			"{\"schedule\":{\"type\":\"plateau\",\"minRate\":1}}|schedule.minRate",
			"{\"schedule\":{\"type\":\"one_cycle\",\"maxRate\":0.001}}|schedule.maxRate",
			"{\"schedule\":{\"type\":\"range_test\",\"factor\":0.9}}|schedule.factor",
			"{\"schedule\":{\"type\":\"range_test\",\"start\":-1}}|schedule.start",
			"{\"schedule\":{\"type\":\"constant\",\"maxRate\":1}}|schedule.maxRate", "{\"layers\":[]}|layers",
			"{\"layers\":[{\"type\":\"transformer\"}]}|layers[0].type",
			"{\"layers\":[{\"type\":\"dense\"},{\"type\":\"lstm\"}]}|layers[1].type",
			"{\"layers\":[{\"type\":\"lstm\",\"units\":0}]}|layers[0].units",
			"{\"layers\":[{\"type\":\"conv1d\",\"kernel\":0}]}|layers[0].kernel",
			"{\"layers\":[{\"type\":\"conv1d\",\"dilation\":0}]}|layers[0].dilation",
			"{\"layers\":[{\"type\":\"lstm\",\"stride\":2}]}|layers[0].stride",
			"{\"layers\":[{\"type\":\"lstm\",\"activation\":\"wiggle\"}]}|layers[0].activation",
			"{\"layers\":[{\"type\":\"gru\",\"activation\":\"relu\"}]}|layers[0].activation",
			"{\"layers\":[{\"type\":\"lstm\",\"returnSequences\":true}]}|layers[0].returnSequences",
			"{\"layers\":[{\"type\":\"lstm\",\"returnSequences\":false},{\"type\":\"gru\"}]}|layers[0].returnSequences",
			"{\"layers\":[{\"type\":\"dense\",\"returnSequences\":false}]}|layers[0].returnSequences" })
	void badValuesNameTheirField(String json, String field) {
		assertThat(fields(json)).contains(field);
	}

	@Test
	void defaultsFillEveryOption() {
		TrainSpec spec = resolve("{\"optimizer\":{\"type\":\"rmsprop\"},\"schedule\":{\"type\":\"plateau\"}}");
		assertThat(spec.optimizer()).isEqualTo(new TrainSpec.Optimizer("rmsprop", 0.002, 0.9, 0.9, 0.9, 0.999, 1e-7));
		assertThat(spec.schedule().factor()).isEqualTo(0.5);
		assertThat(spec.schedule().patience()).isEqualTo(5);
		assertThat(spec.schedule().minRate()).isEqualTo(0.0);
		assertThat(spec.schedule().maxRate()).isNull();
		assertThat(resolve("{\"schedule\":{\"type\":\"one_cycle\"}}").schedule().maxRate()).isEqualTo(0.02);
		TrainSpec range = resolve("{\"schedule\":{\"type\":\"range_test\"}}");
		assertThat(range.schedule().start()).isEqualTo(1e-8);
		assertThat(range.schedule().factor()).isEqualTo(Math.pow(10, 1.0 / 20));
		assertThat(range.earlyStopping().patience()).as("a range test runs its epochs out").isZero();
		assertThat(
				resolve("{\"schedule\":{\"type\":\"range_test\"},\"earlyStopping\":{\"patience\":3}}").earlyStopping()
					.patience())
			.isEqualTo(3);
		assertThat(resolve("{\"regularization\":{\"batchNorm\":true}}").regularization().batchNorm()).isTrue();
	}

	@Test
	void explicitLayersResolveWithTheirDefaultsAndReplaceTheModel() {
		TrainSpec spec = resolve("{\"model\":\"dense\",\"units\":16,\"layers\":[{\"type\":\"conv1d\",\"filters\":8,"
				+ "\"stride\":2,\"dilation\":2},{\"type\":\"gru\"},{\"type\":\"dense\",\"units\":4,\"activation\":\"tanh\"}]}");
		assertThat(spec.model()).isEqualTo(TrainSpec.CUSTOM);
		assertThat(spec.layers()).containsExactly(new TrainSpec.Layer("conv1d", 8, 5, 2, 2, "relu", true),
				new TrainSpec.Layer("gru", 16, null, null, null, "tanh", false),
				new TrainSpec.Layer("dense", 4, null, null, null, "tanh", null));
		assertThat(resolve("{\"model\":\"gru\"}").layers()).isNull();
	}

	@Test
	void aResolvedSpecSurvivesItsJsonRoundTrip() {
		TrainSpec spec = resolve(
				"{\"schedule\":{\"type\":\"piecewise\",\"boundaries\":[2,4],\"values\":[0.1,0.01,0.001]},"
						+ "\"layers\":[{\"type\":\"lstm\"}]}");
		assertThat(JSON.readValue(JSON.writeValueAsString(spec), TrainSpec.class)).isEqualTo(spec);
		String json = JSON.writeValueAsString(spec);
		assertThat(json).doesNotContain("maxRate").contains("\"boundaries\":[2,4]");
	}

	@Test
	void specsStoredBeforeTheToolboxReadWithTheDefaults() {
		TrainSpec old = JSON.readValue("{\"model\":\"lstm\",\"units\":8,\"window\":12,\"horizon\":1,\"validation\":24,"
				+ "\"epochs\":3,\"batchSize\":32,\"shuffle\":true,\"seed\":1,\"prefetch\":0,\"normalization\":\"zscore\","
				+ "\"loss\":\"mse\",\"optimizer\":{\"type\":\"adam\",\"learningRate\":0.01,\"momentum\":0.9},"
				+ "\"schedule\":{\"type\":\"constant\"},\"regularization\":{\"l1\":0,\"l2\":0,\"dropout\":0,"
				+ "\"batchNorm\":false},\"init\":\"glorot\",\"earlyStopping\":{\"patience\":0,\"minDelta\":0,"
				+ "\"monitor\":\"valMae\"}}", TrainSpec.class);
		assertThat(old.optimizer()).isEqualTo(TrainSpec.Optimizer.defaults("adam", 0.01));
		assertThat(old.layers()).isNull();
		assertThat(old.schedule()).isEqualTo(new TrainSpec.Schedule("constant"));
	}

	@Test
	void defaultsFitTheSeries() {
		TrainRequest request = JSON.readValue("{}", TrainRequest.class);
		// sunspots: monthly, 3235 points
		TrainSpec sunspots = this.resolver.resolve(request, 3235, 12);
		assertThat(sunspots.validation()).isEqualTo(324);
		assertThat(sunspots.window()).isEqualTo(36);
		assertThat(sunspots.normalization()).isEqualTo("window");
		assertThat(sunspots.units()).isEqualTo(60);
		assertThat(sunspots.model()).isEqualTo("conv_lstm");
		assertThat(sunspots.batchSize()).isEqualTo(128);
		assertThat(sunspots.season()).isEqualTo(12);
		assertThat(sunspots.epochs()).isEqualTo(60);
		// a monthly series of 108 points: a season of validation (a tenth would be 11),
		// a window of three seasons, a small network
		TrainSpec sales = this.resolver.resolve(request, 108, 12);
		assertThat(sales.validation()).isEqualTo(12);
		assertThat(sales.window()).isEqualTo(36);
		assertThat(sales.model()).isEqualTo("nbeats");
		assertThat(sales.units()).isEqualTo(64);
		assertThat(this.resolver.resolve(JSON.readValue("{\"model\":\"lstm\"}", TrainRequest.class), 108, 12).units())
			.isEqualTo(16);
		assertThat(sales.batchSize()).isEqualTo(8);
		assertThat(sales.epochs()).isGreaterThan(TrainSpec.DEFAULTS.epochs());
		TrainSpec short48 = this.resolver.resolve(request, 48, 12);
		// the window half the training part of a tenth's validation, then a season of
		// validation (a quarter of the series)
		assertThat(short48.window()).isEqualTo(21);
		assertThat(short48.validation()).isEqualTo(12);
		// no wider than a quarter of the series; no season: a tenth
		assertThat(this.resolver.resolve(request, 40, 12).validation()).isEqualTo(4);
		assertThat(this.resolver.resolve(request, 108, null).validation()).isEqualTo(11);
		// the validation part holds at least the horizon
		assertThat(this.resolver.resolve(JSON.readValue("{\"horizon\":18}", TrainRequest.class), 126, 12).validation())
			.isEqualTo(18);
		// without a season: 24 points
		assertThat(this.resolver.resolve(request, 1000, null).window()).isEqualTo(24);
	}

	@Test
	void onlyATrulyTooShortSeriesIsRefusedNamingTheMinimumLength() {
		TrainRequest request = JSON.readValue("{}", TrainRequest.class);
		assertThat(this.resolver.resolve(request, 17, 12).window()).isEqualTo(7);
		BadRequestException ex = catchThrowableOfType(BadRequestException.class,
				() -> this.resolver.resolve(request, 16, 12));
		assertThat(ex.errors()).extracting(FieldProblem::field).containsExactly("series");
		assertThat(ex.errors().get(0).message()).contains("16 points", "at least 17 points");
		BadRequestException seasonal = catchThrowableOfType(BadRequestException.class, () -> this.resolver
			.resolve(JSON.readValue("{\"differencing\":\"seasonal\"}", TrainRequest.class), 20, 12));
		assertThat(seasonal.errors().get(0).message()).contains("differencing lag 12", "at least");
	}

	@Test
	void differencingNeedsASeasonWhenSeasonal() {
		assertThat(fields("{\"differencing\":\"seasonal\"}")).contains("differencing");
		assertThat(fields("{\"differencing\":\"second\"}")).contains("differencing");
		TrainSpec spec = this.resolver.resolve(JSON.readValue("{\"differencing\":\"seasonal\"}", TrainRequest.class),
				500, 12);
		assertThat(spec.lag()).isEqualTo(12);
		assertThat(spec.inputLength()).isEqualTo(spec.window() - 12);
		assertThat(resolve("{\"differencing\":\"first\",\"season\":7}").lag()).isEqualTo(1);
	}

}
