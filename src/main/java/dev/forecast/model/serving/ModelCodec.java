package dev.forecast.model.serving;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.forecast.model.Scaler;
import dev.forecast.model.WindowTransform;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A {@link TrainedModel} as one byte array, as stored with its run: magic {@code FCM1},
 * format version, the model's description (name, window, horizon, input shape, scaler,
 * differencing lag, spec, fitted points, residuals per step ahead) and the network as
 * DL4J's {@link ModelSerializer} writes it (without updater state).
 * <p>
 * Version 7 is written: after the residuals the {@link Shrinkage} (base, season, weight,
 * damping), after the network the other networks of an ensemble
 * ({@link TrainedModel#members()}), each as its own encoded model, then the
 * {@link TrainedModel#minimumInput()} and last the {@link TrainedModel#seasonalPeriod()}.
 * Versions 1 (no residuals, no lag), 2 (no lag), 3 (no shrinkage, no members), 4 (no
 * damping), 5 (minimum input = window) and 6 (no seasonal adjustment) are still read. The
 * stored network's configuration names the classes of its custom layers, losses, updaters
 * and schedules by their full names, so those stay in {@code dev.forecast.model}.
 */
public final class ModelCodec {

	private static final int MAGIC = 0x46434D31; // "FCM1"

	static final int VERSION = 7;

	private ModelCodec() {
	}

	public static byte[] encode(TrainedModel model) {
		try {
			ByteArrayOutputStream net = new ByteArrayOutputStream(256 * 1024);
			ModelSerializer.writeModel(model.network(), net, false);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(net.size() + 4096);
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeUTF(model.model());
			out.writeInt(model.window());
			out.writeInt(model.horizon());
			out.writeBoolean(model.sequenceInput());
			Scaler scaler = model.scaler();
			out.writeUTF(scaler.type());
			out.writeDouble(scaler.offset());
			out.writeDouble(scaler.scale());
			out.writeInt(model.transform().lag());
			byte[] spec = model.spec().getBytes(StandardCharsets.UTF_8);
			out.writeInt(spec.length);
			out.write(spec);
			out.writeInt(model.trainedPoints());
			out.writeInt(model.residuals().length);
			for (float[] step : model.residuals()) {
				out.writeInt(step.length);
				for (float r : step) {
					out.writeFloat(r);
				}
			}
			out.writeUTF(model.shrinkage().base());
			out.writeInt(model.shrinkage().season());
			out.writeDouble(model.shrinkage().weight());
			out.writeDouble(model.shrinkage().damping());
			out.writeInt(net.size());
			net.writeTo(out);
			out.writeInt(model.members().size());
			for (TrainedModel member : model.members()) {
				byte[] stored = encode(member);
				out.writeInt(stored.length);
				out.write(stored);
			}
			out.writeInt(model.minimumInput());
			out.writeInt(model.seasonalPeriod());
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static TrainedModel decode(byte[] bytes) {
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
			float[][] residuals = TrainedModel.NO_RESIDUALS;
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
				double weight = in.readDouble();
				double damping = version >= 5 ? in.readDouble() : 1;
				shrinkage = new Shrinkage(base, season, weight, damping, Double.NaN, Double.NaN, Double.NaN, 0);
			}
			byte[] net = in.readNBytes(in.readInt());
			MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(net), false);
			List<TrainedModel> members = new ArrayList<>();
			for (int i = version >= 4 ? in.readInt() : 0; i > 0; i--) {
				members.add(decode(in.readNBytes(in.readInt())));
			}
			int minimumInput = version >= 6 ? in.readInt() : window;
			int seasonalPeriod = version >= 7 ? in.readInt() : 0;
			return new TrainedModel(network, model, new WindowTransform(scaler, lag), window, horizon, sequenceInput,
					new String(spec, StandardCharsets.UTF_8), residuals, trainedPoints, shrinkage, members,
					minimumInput, seasonalPeriod);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
