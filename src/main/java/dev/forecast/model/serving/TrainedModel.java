package dev.forecast.model.serving;

import java.util.List;

import dev.forecast.model.Scaler;
import dev.forecast.model.WindowTransform;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained forecaster as a value: the network (without updater state), the window
 * transform (differencing lag and the scaler fitted on its training part), the window and
 * horizon it works with, and the spec it was trained with (as JSON, opaque here).
 * {@link Predictor} turns the last {@code window} observations into forecasts;
 * {@link ModelCodec} stores it as one byte array.
 * <p>
 * A model may also carry the absolute errors of its forecasts on the validation windows,
 * per step ahead ({@link #residuals()}), from which the prediction intervals are computed
 * ({@link ConformalIntervals}), and how many leading points of the series it was fitted
 * on ({@link #trainedPoints()}). It may carry the guard against losing to naive: the
 * {@link Shrinkage} toward a naive baseline chosen on the validation part, and the other
 * networks of an ensemble ({@link #members()}): {@link Predictor} serves the median of
 * the networks' forecasts, then shrunk; a global model may adjust its histories for
 * seasonality ({@link #seasonalPeriod()}). Build the model after the network's final
 * parameters are set: a predictor reads them once.
 */
public final class TrainedModel {

	static final float[][] NO_RESIDUALS = new float[0][];

	private final MultiLayerNetwork network;

	private final String model;

	private final WindowTransform transform;

	private final int window;

	private final int horizon;

	private final boolean sequenceInput;

	private final String spec;

	private final float[][] residuals;

	private final int trainedPoints;

	private final Shrinkage shrinkage;

	private final List<TrainedModel> members;

	private final int minimumInput;

	private final int seasonalPeriod;

	public TrainedModel(MultiLayerNetwork network, String model, Scaler scaler, int window, int horizon,
			boolean sequenceInput, String spec) {
		this(network, model, new WindowTransform(scaler, 0), window, horizon, sequenceInput, spec);
	}

	/**
	 * A model reading the last {@code window} raw values, transformed by
	 * {@code transform} for its network.
	 */
	public TrainedModel(MultiLayerNetwork network, String model, WindowTransform transform, int window, int horizon,
			boolean sequenceInput, String spec) {
		this(network, model, transform, window, horizon, sequenceInput, spec, NO_RESIDUALS, -1, Shrinkage.NONE,
				List.of(), window, 0);
	}

	TrainedModel(MultiLayerNetwork network, String model, WindowTransform transform, int window, int horizon,
			boolean sequenceInput, String spec, float[][] residuals, int trainedPoints, Shrinkage shrinkage,
			List<TrainedModel> members, int minimumInput, int seasonalPeriod) {
		if (minimumInput < 1 || minimumInput > window) {
			throw new IllegalArgumentException("minimum input " + minimumInput + " outside 1.." + window);
		}
		this.network = network;
		this.model = model;
		this.transform = transform;
		this.window = window;
		this.horizon = horizon;
		this.sequenceInput = sequenceInput;
		this.spec = spec == null ? "" : spec;
		this.residuals = residuals;
		this.trainedPoints = trainedPoints;
		this.shrinkage = shrinkage;
		this.members = List.copyOf(members);
		this.minimumInput = minimumInput;
		this.seasonalPeriod = Math.max(0, seasonalPeriod);
	}

	public String model() {
		return this.model;
	}

	public Scaler scaler() {
		return this.transform.scaler();
	}

	/** Differencing and normalization between raw windows and the network. */
	public WindowTransform transform() {
		return this.transform;
	}

	public int window() {
		return this.window;
	}

	public int horizon() {
		return this.horizon;
	}

	/**
	 * The fewest points the model forecasts from: its window for a model of one series;
	 * less for a global model, which pads a shorter history on the left with its first
	 * value (as it was trained).
	 */
	public int minimumInput() {
		return this.minimumInput;
	}

	/** A copy forecasting from as few as {@code minimumInput} points. */
	public TrainedModel withMinimumInput(int minimumInput) {
		return new TrainedModel(this.network, this.model, this.transform, this.window, this.horizon, this.sequenceInput,
				this.spec, this.residuals, this.trainedPoints, this.shrinkage, this.members, minimumInput,
				this.seasonalPeriod);
	}

	/**
	 * The period of the seasonal adjustment {@link Predictor} applies around the networks
	 * ({@link dev.forecast.model.Seasonality#adjustment} of each history, the forecasts
	 * multiplied back by its indices); 0: none.
	 */
	public int seasonalPeriod() {
		return this.seasonalPeriod;
	}

	/** A copy seasonally adjusting every history by {@code period} (0: none). */
	public TrainedModel withSeasonalPeriod(int period) {
		return new TrainedModel(this.network, this.model, this.transform, this.window, this.horizon, this.sequenceInput,
				this.spec, this.residuals, this.trainedPoints, this.shrinkage, this.members, this.minimumInput, period);
	}

	/**
	 * {@code true} for a global model ({@link WindowTransform#LEVEL} normalization): its
	 * {@link #residuals()} are scale-free, in units of the scale of the window they were
	 * forecast from; multiply conformal half-widths by {@link #residualScale}.
	 */
	public boolean scaleFreeResiduals() {
		return WindowTransform.LEVEL.equals(this.transform.scaler().type());
	}

	/**
	 * What {@link #residuals()} are multiplied by for forecasts from {@code history}: the
	 * normalization scale of its last window (edge-padded like the forecasts) for a
	 * global model, 1 otherwise.
	 */
	public double residualScale(double[] history) {
		if (!scaleFreeResiduals()) {
			return 1;
		}
		double[] last = Predictor.lastWindow(history, this.window);
		return this.transform.input(last, 0, this.window, new float[this.transform.inputs(this.window)], 0).scale();
	}

	/**
	 * {@code true}: the network reads {@code [batch, 1, window]} (NCW); {@code false}:
	 * {@code [batch, window]}.
	 */
	public boolean sequenceInput() {
		return this.sequenceInput;
	}

	/** The training spec as the trainer's caller gave it (JSON). */
	public String spec() {
		return this.spec;
	}

	public MultiLayerNetwork network() {
		return this.network;
	}

	/**
	 * Sorted absolute validation errors per step ahead: {@code residuals()[k - 1]} holds
	 * those of the forecasts {@code k} steps ahead. Empty when the model was stored
	 * without them.
	 */
	public float[][] residuals() {
		return this.residuals;
	}

	/**
	 * How many leading points of its series the network was fitted on, or -1 when
	 * unknown.
	 */
	public int trainedPoints() {
		return this.trainedPoints;
	}

	/** A copy carrying {@code spec} as its description. */
	public TrainedModel withSpec(String spec) {
		return new TrainedModel(this.network, this.model, this.transform, this.window, this.horizon, this.sequenceInput,
				spec, this.residuals, this.trainedPoints, this.shrinkage, this.members, this.minimumInput,
				this.seasonalPeriod);
	}

	/**
	 * A copy carrying validation residuals per step ahead and the number of points it was
	 * fitted on.
	 */
	public TrainedModel withResiduals(float[][] residuals, int trainedPoints) {
		return new TrainedModel(this.network, this.model, this.transform, this.window, this.horizon, this.sequenceInput,
				this.spec, residuals, trainedPoints, this.shrinkage, this.members, this.minimumInput,
				this.seasonalPeriod);
	}

	/**
	 * The pull of the network's forecasts toward a naive baseline, chosen on the
	 * validation part ({@link Shrinkage#NONE} when the model was stored without one).
	 */
	public Shrinkage shrinkage() {
		return this.shrinkage;
	}

	/** A copy whose forecasts are shrunk by {@code shrinkage}. */
	public TrainedModel withShrinkage(Shrinkage shrinkage) {
		return new TrainedModel(this.network, this.model, this.transform, this.window, this.horizon, this.sequenceInput,
				this.spec, this.residuals, this.trainedPoints, shrinkage, this.members, this.minimumInput,
				this.seasonalPeriod);
	}

	/**
	 * The other networks of an ensemble (trained like this one with other seeds): the
	 * model then serves the median of all its networks' forecasts. Empty for a single
	 * network.
	 */
	public List<TrainedModel> members() {
		return this.members;
	}

	/**
	 * A copy serving the median of its own forecasts and those of {@code members} (models
	 * of the same window, horizon and transform, without shrinkage or members).
	 */
	public TrainedModel withMembers(List<TrainedModel> members) {
		return new TrainedModel(this.network, this.model, this.transform, this.window, this.horizon, this.sequenceInput,
				this.spec, this.residuals, this.trainedPoints, this.shrinkage, members, this.minimumInput,
				this.seasonalPeriod);
	}

}
