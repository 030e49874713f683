package dev.forecast.jobs;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.forecast.model.training.EpochStats;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipe between a worker and the child JVM training its run. The worker writes the
 * {@link Input} to the child's stdin and keeps it open (the child exits when it closes);
 * the child answers on its stdout with framed messages: one per epoch of the first
 * network and one per finished network (of a run of several), then the result or the
 * error. Every frame starts with a marker, so text a native library prints to the same
 * stdout is skipped.
 */
final class ChildChannel {

	private static final byte[] MARKER = { (byte) 0xF0, 0x5C, (byte) 0xA7, 0x3E, 'F', 'C' };

	static final byte EPOCH = 'E';

	static final byte NETWORK = 'N';

	static final byte RESULT = 'R';

	static final byte ERROR = 'X';

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ChildChannel() {
	}

	/**
	 * What the child trains: one series ({@code values}), or with {@code members} not
	 * empty the members of a collection (one global network; {@code values} then empty).
	 */
	record Input(String specJson, int residualSteps, int nd4jThreads, int device, double[] values,
			List<double[]> members) {

		Input(String specJson, int residualSteps, int nd4jThreads, int device, double[] values) {
			this(specJson, residualSteps, nd4jThreads, device, values, List.of());
		}

		boolean collection() {
			return !this.members.isEmpty();
		}

		void write(OutputStream stream) throws IOException {
			DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(stream, 1 << 16));
			writeBytes(out, this.specJson.getBytes(StandardCharsets.UTF_8));
			out.writeInt(this.residualSteps);
			out.writeInt(this.nd4jThreads);
			out.writeInt(this.device);
			writeValues(out, this.values);
			out.writeInt(this.members.size());
			for (double[] member : this.members) {
				writeValues(out, member);
			}
			out.flush();
		}

		private static void writeValues(DataOutputStream out, double[] values) throws IOException {
			out.writeInt(values.length);
			for (double value : values) {
				out.writeDouble(value);
			}
		}

		private static double[] readValues(DataInputStream in) throws IOException {
			double[] values = new double[in.readInt()];
			for (int i = 0; i < values.length; i++) {
				values[i] = in.readDouble();
			}
			return values;
		}

		static Input read(InputStream stream) throws IOException {
			DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream, 1 << 16));
			String spec = new String(readBytes(in), StandardCharsets.UTF_8);
			int residualSteps = in.readInt();
			int threads = in.readInt();
			int device = in.readInt();
			double[] values = readValues(in);
			int count = in.readInt();
			List<double[]> members = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				members.add(readValues(in));
			}
			return new Input(spec, residualSteps, threads, device, values, members);
		}

	}

	/** One finished epoch, as the child reports it. */
	record Epoch(EpochStats stats, int epochs) {
	}

	/** {@code done} of the run's {@code total} networks finished. */
	record Network(int done, int total) {
	}

	/** One frame read from the child. */
	record Message(byte type, byte[] payload) {

		<T> T json(Class<T> type) {
			return JSON.readValue(this.payload, type);
		}

		String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

	}

	static void write(OutputStream out, byte type, byte[] payload) throws IOException {
		ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 16);
		DataOutputStream data = new DataOutputStream(frame);
		data.write(MARKER);
		data.writeByte(type);
		writeBytes(data, payload);
		synchronized (out) {
			frame.writeTo(out);
			out.flush();
		}
	}

	/** The next frame, or {@code null} at the end of the stream. */
	static Message read(InputStream in) throws IOException {
		int matched = 0;
		while (matched < MARKER.length) {
			int b = in.read();
			if (b < 0) {
				return null;
			}
			matched = ((byte) b == MARKER[matched]) ? matched + 1 : ((byte) b == MARKER[0] ? 1 : 0);
		}
		DataInputStream data = new DataInputStream(in);
		try {
			byte type = data.readByte();
			return new Message(type, readBytes(data));
		}
		catch (EOFException ex) {
			return null;
		}
	}

	static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	static byte[] readBytes(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			throw new IOException("Bad frame length " + length);
		}
		byte[] bytes = new byte[length];
		in.readFully(bytes);
		return bytes;
	}

	/** The result frame's payload: the outcome's JSON and the model's bytes. */
	static byte[] result(TrainingOutcome outcome) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(buffer);
		writeBytes(out, JSON
			.writeValueAsBytes(new TrainingOutcome(outcome.epochs(), outcome.metrics(), outcome.diagnosis(), null)));
		writeBytes(out, outcome.model() == null ? new byte[0] : outcome.model());
		out.writeBoolean(outcome.model() != null);
		return buffer.toByteArray();
	}

	static TrainingOutcome outcome(byte[] payload) throws IOException {
		DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
		TrainingOutcome head = JSON.readValue(readBytes(in), TrainingOutcome.class);
		byte[] model = readBytes(in);
		boolean present = in.readBoolean();
		return new TrainingOutcome(head.epochs(), head.metrics(), head.diagnosis(),
				present ? Arrays.copyOf(model, model.length) : null);
	}

}
