package dev.forecast.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained forecaster: the network (without updater state), the scaler fitted on its training
 * part, the window and horizon it works with, and the spec it was trained with (as JSON, opaque
 * here). {@link #predict} turns the last {@code window} observations into the next {@code horizon}
 * values; {@link #toBytes} and {@link #fromBytes} store it as one byte array.
 * <p>
 * DL4J networks are not thread-safe ({@code output} is synchronized): one instance serves one
 * prediction at a time.
 */
public final class TrainedModel {

	private static final int MAGIC = 0x46434D31; // "FCM1"

	private static final int VERSION = 1;

	private final MultiLayerNetwork network;

	private final String model;

	private final Scaler scaler;

	private final int window;

	private final int horizon;

	private final boolean sequenceInput;

	private final String spec;

	public TrainedModel(MultiLayerNetwork network, String model, Scaler scaler, int window, int horizon,
			boolean sequenceInput, String spec) {
		this.network = network;
		this.model = model;
		this.scaler = scaler;
		this.window = window;
		this.horizon = horizon;
		this.sequenceInput = sequenceInput;
		this.spec = spec == null ? "" : spec;
	}

	public String model() {
		return this.model;
	}

	public Scaler scaler() {
		return this.scaler;
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

	/** A copy carrying {@code spec} as its description. */
	public TrainedModel withSpec(String spec) {
		return new TrainedModel(this.network, this.model, this.scaler, this.window, this.horizon, this.sequenceInput,
				spec);
	}

	/**
	 * The next {@code horizon} values after {@code history}, in series units, predicted from its last
	 * {@code window} values.
	 */
	public double[] predict(double[] history) {
		return predict(new double[][] { history })[0];
	}

	/** {@link #predict(double[])} for many histories in one batch. */
	public double[][] predict(double[][] histories) {
		int n = histories.length;
		float[] features = new float[n * this.window];
		for (int i = 0; i < n; i++) {
			double[] history = histories[i];
			if (history.length < this.window) {
				throw new IllegalArgumentException(
						"need the last " + this.window + " values, got " + history.length);
			}
			int from = history.length - this.window;
			for (int j = 0; j < this.window; j++) {
				features[i * this.window + j] = (float) this.scaler.normalize(history[from + j]);
			}
		}
		INDArray input = this.sequenceInput ? Nd4j.create(features, new long[] { n, 1, this.window }, 'c')
				: Nd4j.create(features, new long[] { n, this.window }, 'c');
		float[][] output = this.network.output(input, false).toFloatMatrix();
		double[][] result = new double[n][this.horizon];
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < this.horizon; k++) {
				result[i][k] = this.scaler.restore(output[i][k]);
			}
		}
		return result;
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
			out.writeUTF(this.scaler.type());
			out.writeDouble(this.scaler.offset());
			out.writeDouble(this.scaler.scale());
			byte[] spec = this.spec.getBytes(StandardCharsets.UTF_8);
			out.writeInt(spec.length);
			out.write(spec);
			out.writeInt(net.size());
			net.writeTo(out);
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
			if (version != VERSION) {
				throw new IllegalArgumentException("unsupported model format version " + version);
			}
			String model = in.readUTF();
			int window = in.readInt();
			int horizon = in.readInt();
			boolean sequenceInput = in.readBoolean();
			Scaler scaler = new Scaler(in.readUTF(), in.readDouble(), in.readDouble());
			byte[] spec = in.readNBytes(in.readInt());
			byte[] net = in.readNBytes(in.readInt());
			MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(net), false);
			return new TrainedModel(network, model, scaler, window, horizon, sequenceInput,
					new String(spec, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
