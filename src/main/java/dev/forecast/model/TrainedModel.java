package dev.forecast.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.forecast.model.jvm.JvmForward;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained forecaster: the network (without updater state), the window transform
 * (differencing lag and the scaler fitted on its training part; format version 3 stores
 * the lag), the window and horizon it works with, and the spec it was trained with (as
 * JSON, opaque here). {@link #predict} turns the last {@code window} observations into
 * the next {@code horizon} values; {@link #toBytes} and {@link #fromBytes} store it as
 * one byte array.
 * <p>
 * A model may also carry the absolute errors of its forecasts on the validation windows,
 * per step ahead ({@link #residuals()}, see {@link ValidationResiduals}), from which the
 * prediction intervals are computed ({@link ConformalIntervals}), and how many leading
 * points of the series it was fitted on ({@link #trainedPoints()}). Format version 4 adds
 * the guard: the {@link Shrinkage} toward a naive baseline chosen on the validation part,
 * and the other networks of an ensemble ({@link #members()}, stored whole after the
 * network): forecasts are the median of the networks' forecasts, then shrunk.
 * <p>
 * Predictions run on the JVM ({@link JvmForward}: the network's parameters copied into
 * float arrays, no ND4J operation, so no native memory per forecast and any number of
 * threads at once). A network with a layer that pass does not cover runs through DL4J
 * instead, inside a workspace of the calling thread; DL4J networks are not thread-safe (a
 * pass is synchronized on the network), so one instance serves one prediction at a time
 * and {@link #copy()} makes another instance for a pool. Build the model after the
 * network's final parameters are set: the JVM pass reads them once.
 */
public final class TrainedModel {

	private static final int MAGIC = 0x46434D31; // "FCM1"

	private static final int VERSION = 4;

	private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
		.initialSize(0)
		.policyAllocation(AllocationPolicy.OVERALLOCATE)
		.policyLearning(LearningPolicy.FIRST_LOOP)
		.policySpill(SpillPolicy.REALLOCATE)
		.build();

	private static final String WORKSPACE_ID = "FORECAST_PREDICT";

	private static final float[][] NO_RESIDUALS = new float[0][];

	private final MultiLayerNetwork network;

	private final Pass pass;

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
		this(network, Pass.of(network), model, transform, window, horizon, sequenceInput, spec, NO_RESIDUALS, -1,
				Shrinkage.NONE, List.of());
	}

	private TrainedModel(MultiLayerNetwork network, Pass pass, String model, WindowTransform transform, int window,
			int horizon, boolean sequenceInput, String spec, float[][] residuals, int trainedPoints,
			Shrinkage shrinkage, List<TrainedModel> members) {
		this.network = network;
		this.pass = pass;
		this.model = model;
		this.transform = transform;
		this.window = window;
		this.horizon = horizon;
		this.sequenceInput = sequenceInput;
		this.spec = spec == null ? "" : spec;
		this.residuals = residuals;
		this.trainedPoints = trainedPoints;
		this.shrinkage = shrinkage;
		this.members = members;
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
		return new TrainedModel(this.network, this.pass, this.model, this.transform, this.window, this.horizon,
				this.sequenceInput, spec, this.residuals, this.trainedPoints, this.shrinkage, this.members);
	}

	/**
	 * A copy carrying validation residuals per step ahead and the number of points it was
	 * fitted on.
	 */
	public TrainedModel withResiduals(float[][] residuals, int trainedPoints) {
		return new TrainedModel(this.network, this.pass, this.model, this.transform, this.window, this.horizon,
				this.sequenceInput, this.spec, residuals, trainedPoints, this.shrinkage, this.members);
	}

	/**
	 * The pull of the network's forecasts toward a naive baseline, chosen on the
	 * validation part ({@link Shrinkage#NONE} when the model was stored without one).
	 */
	public Shrinkage shrinkage() {
		return this.shrinkage;
	}

	/**
	 * A copy whose forecasts ({@link #forecast}, {@link #predict}) are shrunk by
	 * {@code shrinkage}.
	 */
	public TrainedModel withShrinkage(Shrinkage shrinkage) {
		return new TrainedModel(this.network, this.pass, this.model, this.transform, this.window, this.horizon,
				this.sequenceInput, this.spec, this.residuals, this.trainedPoints, shrinkage, this.members);
	}

	/** {@code true} when predictions run on the JVM, {@code false} when through DL4J. */
	public boolean onJvm() {
		return this.pass.jvm() != null;
	}

	/**
	 * Why predictions run through DL4J (the layer the JVM pass does not cover), or empty
	 * on the JVM.
	 */
	public Optional<String> whyNotOnJvm() {
		return Optional.ofNullable(this.pass.whyNotOnJvm());
	}

	/**
	 * Another instance for a second thread: one sharing the JVM pass (which any thread
	 * may run), or with its own copy of the network when predictions run through DL4J.
	 */
	public TrainedModel copy() {
		MultiLayerNetwork clone = onJvm() ? this.network : this.network.clone();
		return new TrainedModel(clone, this.pass, this.model, this.transform, this.window, this.horizon,
				this.sequenceInput, this.spec, this.residuals, this.trainedPoints, this.shrinkage,
				this.members.stream().map(TrainedModel::copy).toList());
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
		return new TrainedModel(this.network, this.pass, this.model, this.transform, this.window, this.horizon,
				this.sequenceInput, this.spec, this.residuals, this.trainedPoints, this.shrinkage,
				List.copyOf(members));
	}

	/**
	 * The next {@code steps} values after each history, in series units. The network
	 * emits {@link #horizon()} values per pass; beyond that its own forecasts are fed
	 * back as inputs (recursive), one batched pass over all histories per {@code horizon}
	 * steps.
	 */
	public double[][] forecast(double[][] histories, int steps) {
		double[][] out = networkForecast(histories, steps);
		if (!this.members.isEmpty()) {
			List<double[][]> all = new ArrayList<>();
			all.add(out);
			for (TrainedModel member : this.members) {
				all.add(member.networkForecast(histories, steps));
			}
			out = Ensemble.median(all);
		}
		for (int i = 0; i < out.length; i++) {
			this.shrinkage.apply(histories[i], histories[i].length, out[i]);
		}
		return out;
	}

	/** {@link #forecast} of this model's own network, neither combined nor shrunk. */
	private double[][] networkForecast(double[][] histories, int steps) {
		int n = histories.length;
		double[][] buffers = new double[n][this.window + steps];
		for (int i = 0; i < n; i++) {
			double[] history = histories[i];
			if (history.length < this.window) {
				throw new IllegalArgumentException("need the last " + this.window + " values, got " + history.length);
			}
			System.arraycopy(history, history.length - this.window, buffers[i], 0, this.window);
		}
		for (int done = 0; done < steps; done += this.horizon) {
			double[][] next = pass(buffers, done);
			int take = Math.min(this.horizon, steps - done);
			for (int i = 0; i < n; i++) {
				System.arraycopy(next[i], 0, buffers[i], this.window + done, take);
			}
		}
		double[][] out = new double[n][];
		for (int i = 0; i < n; i++) {
			out[i] = Arrays.copyOfRange(buffers[i], this.window, this.window + steps);
		}
		return out;
	}

	/**
	 * The next {@code horizon} values after {@code history}, in series units, predicted
	 * from its last {@code window} values.
	 */
	public double[] predict(double[] history) {
		return predict(new double[][] { history })[0];
	}

	/** {@link #predict(double[])} for many histories in one batch. */
	public double[][] predict(double[][] histories) {
		for (double[] history : histories) {
			if (history.length < this.window) {
				throw new IllegalArgumentException("need the last " + this.window + " values, got " + history.length);
			}
		}
		double[][] out = pass(histories, -1);
		if (!this.members.isEmpty()) {
			List<double[][]> all = new ArrayList<>();
			all.add(out);
			for (TrainedModel member : this.members) {
				all.add(member.pass(histories, -1));
			}
			out = Ensemble.median(all);
		}
		for (int i = 0; i < out.length; i++) {
			this.shrinkage.apply(histories[i], histories[i].length, out[i]);
		}
		return out;
	}

	/**
	 * One batched pass of the network over {@code rows[i][offset, offset + window)}, or
	 * over the last {@code window} values of each row when {@code offset < 0}.
	 */
	private double[][] pass(double[][] rows, int offset) {
		int n = rows.length;
		int inputs = this.transform.inputs(this.window);
		float[] features = new float[n * inputs];
		WindowTransform.Stats[] stats = new WindowTransform.Stats[n];
		for (int i = 0; i < n; i++) {
			double[] row = rows[i];
			int from = offset < 0 ? row.length - this.window : offset;
			stats[i] = this.transform.input(row, from, this.window, features, i * inputs);
		}
		float[] output = onJvm() ? this.pass.jvm().output(features, n) : dl4jOutput(features, n);
		double[][] result = new double[n][];
		for (int i = 0; i < n; i++) {
			double[] row = rows[i];
			int from = offset < 0 ? row.length - this.window : offset;
			result[i] = this.transform.restore(row, from, this.window, output, i * this.horizon, this.horizon,
					stats[i]);
		}
		return result;
	}

	/**
	 * DL4J's output for {@code n} windows, inside a workspace of the calling thread
	 * reused from call to call.
	 */
	private float[] dl4jOutput(float[] features, int n) {
		synchronized (this.network) {
			try (MemoryWorkspace workspace = Nd4j.getWorkspaceManager()
				.getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
				int inputs = features.length / n;
				INDArray input = this.sequenceInput ? Nd4j.create(features, new long[] { n, 1, inputs }, 'c')
						: Nd4j.create(features, new long[] { n, inputs }, 'c');
				return this.network.output(input, false, null, null, workspace).dup('c').data().asFloat();
			}
		}
	}

	public byte[] toBytes() {
		try {
			ByteArrayOutputStream net = new ByteArrayOutputStream(256 * 1024);
			ModelSerializer.writeModel(this.network, net, false);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(net.size() + 4096);
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeUTF(this.model);
			out.writeInt(this.window);
			out.writeInt(this.horizon);
			out.writeBoolean(this.sequenceInput);
			out.writeUTF(scaler().type());
			out.writeDouble(scaler().offset());
			out.writeDouble(scaler().scale());
			out.writeInt(this.transform.lag());
			byte[] spec = this.spec.getBytes(StandardCharsets.UTF_8);
			out.writeInt(spec.length);
			out.write(spec);
			out.writeInt(this.trainedPoints);
			out.writeInt(this.residuals.length);
			for (float[] step : this.residuals) {
				out.writeInt(step.length);
				for (float r : step) {
					out.writeFloat(r);
				}
			}
			out.writeUTF(this.shrinkage.base());
			out.writeInt(this.shrinkage.season());
			out.writeDouble(this.shrinkage.weight());
			out.writeInt(net.size());
			net.writeTo(out);
			out.writeInt(this.members.size());
			for (TrainedModel member : this.members) {
				byte[] stored = member.toBytes();
				out.writeInt(stored.length);
				out.write(stored);
			}
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static TrainedModel fromBytes(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readInt() != MAGIC) {
				throw new IllegalArgumentException("not a serialized forecaster");
			}
			int version = in.readInt();
			if (version < 1 || version > VERSION) {
				throw new IllegalArgumentException("unsupported model format version " + version);
			}
			String model = in.readUTF();
			int window = in.readInt();
			int horizon = in.readInt();
			boolean sequenceInput = in.readBoolean();
			Scaler scaler = new Scaler(in.readUTF(), in.readDouble(), in.readDouble());
			int lag = version >= 3 ? in.readInt() : 0;
			byte[] spec = in.readNBytes(in.readInt());
			int trainedPoints = -1;
			float[][] residuals = NO_RESIDUALS;
			if (version >= 2) {
				trainedPoints = in.readInt();
				residuals = new float[in.readInt()][];
				for (int k = 0; k < residuals.length; k++) {
					residuals[k] = new float[in.readInt()];
					for (int i = 0; i < residuals[k].length; i++) {
						residuals[k][i] = in.readFloat();
					}
				}
			}
			Shrinkage shrinkage = Shrinkage.NONE;
			if (version >= 4) {
				String base = in.readUTF();
				int season = in.readInt();
				shrinkage = new Shrinkage(base, season, in.readDouble(), Double.NaN, Double.NaN, Double.NaN, 0);
			}
			byte[] net = in.readNBytes(in.readInt());
			MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(net), false);
			List<TrainedModel> members = new ArrayList<>();
			for (int i = version >= 4 ? in.readInt() : 0; i > 0; i--) {
				members.add(fromBytes(in.readNBytes(in.readInt())));
			}
			return new TrainedModel(network, Pass.of(network), model, new WindowTransform(scaler, lag), window, horizon,
					sequenceInput, new String(spec, StandardCharsets.UTF_8), residuals, trainedPoints, shrinkage,
					List.copyOf(members));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JVM pass of a network, or why it has none (then predictions run through DL4J).
	 */
	private record Pass(JvmForward jvm, String whyNotOnJvm) {

		static Pass of(MultiLayerNetwork network) {
			try {
				return new Pass(JvmForward.of(network), null);
			}
			catch (IllegalArgumentException ex) {
				return new Pass(null, ex.getMessage());
			}
		}

	}

}
