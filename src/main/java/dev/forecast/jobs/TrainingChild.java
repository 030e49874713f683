package dev.forecast.jobs;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import dev.forecast.model.training.EpochStats;
import dev.forecast.model.Nd4jThreads;
import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.TrainingMonitor;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of a child JVM that trains one run ({@code forecast.worker.isolation:
 * process}): reads its {@link ChildChannel.Input} from stdin, trains in this JVM and
 * reports every epoch (and every finished network of a run of several), then the outcome,
 * on stdout; its exit frees all the memory ND4J took. It exits as soon as its stdin
 * closes (the worker died or gave the run up). No Spring context starts here.
 */
public final class TrainingChild {

	/** Exit status after reporting an error. */
	static final int FAILED = 2;

	private TrainingChild() {
	}

	public static void main(String[] args) throws IOException {
		OutputStream protocol = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
		// logs and stray prints go to stderr, the frames to stdout
		System.setOut(System.err);
		quietLogs();
		InputStream stdin = System.in;
		ChildChannel.Input input = ChildChannel.Input.read(stdin);
		watchParent(stdin);
		int status = 0;
		try {
			if (input.device() < 0) {
				// the worker trains on the CPU (a CPU build, or no GPU this build can
				// use,
				// which the worker has logged): never load the CUDA backend here either
				Nd4jRuntime.hideCudaBackend();
			}
			Nd4jThreads.configure(input.nd4jThreads());
			if (input.device() >= 0) {
				Nd4j.getAffinityManager().unsafeSetDevice(input.device());
			}
			TrainSpec spec = ChildChannel.JSON.readValue(input.specJson(), TrainSpec.class);
			InProcessTrainer trainer = new InProcessTrainer(input.residualSteps());
			TrainingOutcome outcome = input.collection()
					? trainer.trainCollection(spec, input.specJson(), input.members(), input.device(),
							monitor(protocol))
					: trainer.train(spec, input.specJson(), input.values(), input.device(), monitor(protocol));
			ChildChannel.write(protocol, ChildChannel.RESULT, ChildChannel.result(outcome));
		}
		catch (Exception | Error ex) { // OutOfMemoryError included: report it, then exit
			Throwable reported = outOfMemory(ex);
			String message = reported.getMessage();
			String type = reported.getClass().getSimpleName();
			String text = (message == null || message.isBlank()) ? type : type + ": " + message;
			ChildChannel.write(protocol, ChildChannel.ERROR, text.getBytes(StandardCharsets.UTF_8));
			status = FAILED;
		}
		protocol.flush();
		Runtime.getRuntime().halt(status);
	}

	/**
	 * The out-of-memory error that caused {@code ex} (DL4J wraps one that happens inside
	 * a layer's pass in a RuntimeException), else {@code ex}.
	 */
	static Throwable outOfMemory(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) {
				return t;
			}
		}
		return ex;
	}

	private static TrainingMonitor monitor(OutputStream protocol) {
		return new TrainingMonitor() {

			@Override
			public boolean shouldStop() {
				return false; // the worker stops a child by ending it
			}

			@Override
			public void onEpoch(EpochStats stats, int epochs) {
				send(protocol, ChildChannel.EPOCH, new ChildChannel.Epoch(stats, epochs));
			}

			@Override
			public void onNetwork(int done, int total) {
				send(protocol, ChildChannel.NETWORK, new ChildChannel.Network(done, total));
			}

		};
	}

	private static void send(OutputStream protocol, byte type, Object message) {
		try {
			ChildChannel.write(protocol, type, ChildChannel.JSON.writeValueAsBytes(message));
		}
		catch (IOException ex) {
			Runtime.getRuntime().halt(FAILED); // the worker is gone
		}
	}

	/** Ends this JVM when the worker closes its end of stdin (or dies). */
	private static void watchParent(InputStream stdin) {
		Thread watcher = new Thread(() -> {
			try {
				while (stdin.read() >= 0) {
					// nothing else is sent
				}
			}
			catch (IOException ex) {
				// closed
			}
			Runtime.getRuntime().halt(FAILED);
		}, "parent-watch");
		watcher.setDaemon(true);
		watcher.start();
	}

	/**
	 * Without Spring's logging set-up Logback would log everything at DEBUG: warnings
	 * only.
	 */
	private static void quietLogs() {
		Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root instanceof ch.qos.logback.classic.Logger logback) {
			logback.setLevel(Level.WARN);
		}
	}

}
