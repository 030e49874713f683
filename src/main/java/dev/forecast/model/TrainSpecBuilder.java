package dev.forecast.model;

import java.util.List;

/**
 * Builds a {@link TrainSpec} by name: {@code TrainSpec.builder()} starts from
 * {@link TrainSpec#DEFAULTS}, {@code spec.toBuilder()} from another spec, and every
 * setter names the component it sets, so a spec in code reads
 * {@code TrainSpec.builder().model("dense").window(24).epochs(3).build()} rather than
 * twenty positional arguments. The component meanings are documented on
 * {@link TrainSpec}.
 */
public final class TrainSpecBuilder {

	private String model;

	private int units;

	private int window;

	private int horizon;

	private int validation;

	private int epochs;

	private int batchSize;

	private boolean shuffle;

	private long seed;

	private int prefetch;

	private String normalization;

	private String loss;

	private TrainSpec.Optimizer optimizer;

	private TrainSpec.Schedule schedule;

	private TrainSpec.Regularization regularization;

	private String init;

	private TrainSpec.EarlyStopping earlyStopping;

	private List<TrainSpec.Layer> layers;

	private String differencing;

	private Integer season;

	private TrainSpecBuilder() {
	}

	/** {@link TrainSpec#DEFAULTS}, built by name. */
	static TrainSpec defaults() {
		return new TrainSpecBuilder().model("conv_lstm")
			.units(60)
			.window(60)
			.horizon(1)
			.validation(235)
			.epochs(60)
			.batchSize(128)
			.shuffle(true)
			.seed(42)
			.prefetch(2)
			.normalization("window")
			.loss("huber")
			.optimizer(TrainSpec.Optimizer.defaults("adam", 2e-3))
			.schedule(new TrainSpec.Schedule("constant"))
			.regularization(TrainSpec.Regularization.NONE)
			.init("glorot")
			.earlyStopping(new TrainSpec.EarlyStopping(10, 0.0, "valMae"))
			.differencing("none")
			.build();
	}

	TrainSpecBuilder(TrainSpec from) {
		this.model = from.model();
		this.units = from.units();
		this.window = from.window();
		this.horizon = from.horizon();
		this.validation = from.validation();
		this.epochs = from.epochs();
		this.batchSize = from.batchSize();
		this.shuffle = from.shuffle();
		this.seed = from.seed();
		this.prefetch = from.prefetch();
		this.normalization = from.normalization();
		this.loss = from.loss();
		this.optimizer = from.optimizer();
		this.schedule = from.schedule();
		this.regularization = from.regularization();
		this.init = from.init();
		this.earlyStopping = from.earlyStopping();
		this.layers = from.layers();
		this.differencing = from.differencing();
		this.season = from.season();
	}

	public TrainSpecBuilder model(String model) {
		this.model = model;
		return this;
	}

	public TrainSpecBuilder units(int units) {
		this.units = units;
		return this;
	}

	public TrainSpecBuilder window(int window) {
		this.window = window;
		return this;
	}

	public TrainSpecBuilder horizon(int horizon) {
		this.horizon = horizon;
		return this;
	}

	public TrainSpecBuilder validation(int validation) {
		this.validation = validation;
		return this;
	}

	public TrainSpecBuilder epochs(int epochs) {
		this.epochs = epochs;
		return this;
	}

	public TrainSpecBuilder batchSize(int batchSize) {
		this.batchSize = batchSize;
		return this;
	}

	public TrainSpecBuilder shuffle(boolean shuffle) {
		this.shuffle = shuffle;
		return this;
	}

	public TrainSpecBuilder seed(long seed) {
		this.seed = seed;
		return this;
	}

	public TrainSpecBuilder prefetch(int prefetch) {
		this.prefetch = prefetch;
		return this;
	}

	public TrainSpecBuilder normalization(String normalization) {
		this.normalization = normalization;
		return this;
	}

	public TrainSpecBuilder loss(String loss) {
		this.loss = loss;
		return this;
	}

	public TrainSpecBuilder optimizer(TrainSpec.Optimizer optimizer) {
		this.optimizer = optimizer;
		return this;
	}

	public TrainSpecBuilder schedule(TrainSpec.Schedule schedule) {
		this.schedule = schedule;
		return this;
	}

	public TrainSpecBuilder regularization(TrainSpec.Regularization regularization) {
		this.regularization = regularization;
		return this;
	}

	public TrainSpecBuilder init(String init) {
		this.init = init;
		return this;
	}

	public TrainSpecBuilder earlyStopping(TrainSpec.EarlyStopping earlyStopping) {
		this.earlyStopping = earlyStopping;
		return this;
	}

	/** Explicit hidden layers; {@code null} for the model's own. */
	public TrainSpecBuilder layers(List<TrainSpec.Layer> layers) {
		this.layers = layers;
		return this;
	}

	public TrainSpecBuilder differencing(String differencing) {
		this.differencing = differencing;
		return this;
	}

	/** The series' season length; {@code null} when it has none. */
	public TrainSpecBuilder season(Integer season) {
		this.season = season;
		return this;
	}

	public TrainSpec build() {
		return new TrainSpec(this.model, this.units, this.window, this.horizon, this.validation, this.epochs,
				this.batchSize, this.shuffle, this.seed, this.prefetch, this.normalization, this.loss, this.optimizer,
				this.schedule, this.regularization, this.init, this.earlyStopping, this.layers, this.differencing,
				this.season);
	}

}
