package dev.forecast.model.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.forecast.model.training.TrainedModelTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Models stored by the service before TrainedModel was split into a value, a codec and a
 * predictor (format version 3, in {@code src/test/resources/models}, with the 5-step
 * forecasts the old class made from {@code sine(120)}) still decode and forecast the same
 * values. Their networks name the custom classes of {@code dev.forecast.model} (the GRU
 * one: Gru, LossHuber, Momentum, OneCycle; N-BEATS: NBeats; conv_lstm: EpochRates), so
 * these fail when one of those moves.
 */
class ModelCodecTests {

	@ParameterizedTest
	@ValueSource(strings = { "gru", "nbeats", "conv_lstm" })
	void modelsStoredByTheOldCodeDecodeAndForecastTheSame(String name) {
		TrainedModel model = ModelCodec.decode(resource(name + "-v3.bin"));
		assertThat(model.model()).isEqualTo(name);
		assertThat(model.window()).isEqualTo(12);
		assertThat(model.horizon()).isEqualTo(2);
		assertThat(model.spec()).isEqualTo("{\"model\":\"" + name + "\"}");
		assertThat(model.trainedPoints()).isEqualTo(100);
		assertThat(model.minimumInput()).isEqualTo(12); // before version 6: the window
		assertThat(model.scaleFreeResiduals()).isFalse();
		assertThat(model.residuals()).isDeepEqualTo(new float[][] { { 0.5f, 1.5f }, { 1f, 2f, 3f } });
		double[] expected = Arrays
			.stream(new String(resource(name + "-v3.expected"), StandardCharsets.UTF_8).strip().split("\n"))
			.mapToDouble(Double::parseDouble)
			.toArray();
		double[][] history = { TrainedModelTests.sine(120) };
		assertThat(Predictor.of(model).forecast(history, 5)[0]).containsExactly(expected);
		TrainedModel again = ModelCodec.decode(ModelCodec.encode(model));
		assertThat(Predictor.of(again).forecast(history, 5)[0]).containsExactly(expected);
		assertThat(again.residuals()).isDeepEqualTo(model.residuals());
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, ModelCodec.VERSION + 1 })
	void refusesOtherBytes(int version) {
		byte[] bytes = resource("gru-v3.bin");
		bytes[7] = (byte) version;
		assertThatIllegalArgumentException().isThrownBy(() -> ModelCodec.decode(bytes))
			.withMessage("unsupported model format version " + version);
		assertThatIllegalArgumentException().isThrownBy(() -> ModelCodec.decode(new byte[8]))
			.withMessage("not a serialized forecaster");
	}

	private static byte[] resource(String name) {
		try (InputStream in = ModelCodecTests.class.getResourceAsStream("/models/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
