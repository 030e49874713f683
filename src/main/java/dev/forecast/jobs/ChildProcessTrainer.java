package dev.forecast.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.forecast.model.TrainSpec;
import dev.forecast.model.training.TrainingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a run in a child JVM ({@code forecast.worker.isolation: process}, the default):
 * the worker sends the spec and the series over the child's stdin, records the epochs it
 * reports, and takes the serialized model at the end. The child's exit frees all the
 * native memory ND4J took; an out-of-memory error or a crash ends only the child, and the
 * run fails with the reason. Cancel, shutdown and a lost run end the child at once.
 */
final class ChildProcessTrainer implements RunTrainer {

	private static final Logger log = LoggerFactory.getLogger(ChildProcessTrainer.class);

	private static final long WATCH_MILLIS = 100;

	private final WorkerProperties properties;

	private final int residualSteps;

	ChildProcessTrainer(WorkerProperties properties, int residualSteps) {
		this.properties = properties;
		this.residualSteps = residualSteps;
	}

	@Override
	public TrainingOutcome train(TrainSpec spec, String specJson, double[] values, int device, TrainingMonitor monitor)
			throws Exception {
		return run(new ChildChannel.Input(specJson, this.residualSteps, this.properties.nd4jThreads(), device, values),
				monitor);
	}

	@Override
	public TrainingOutcome trainCollection(TrainSpec spec, String specJson, List<double[]> members, int device,
			TrainingMonitor monitor) throws Exception {
		return run(new ChildChannel.Input(specJson, this.residualSteps, this.properties.nd4jThreads(), device,
				new double[0], members), monitor);
	}

	private TrainingOutcome run(ChildChannel.Input input, TrainingMonitor monitor) throws Exception {
		List<String> command = ChildCommand.of(this.properties);
		Process child;
		try {
			child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		}
		catch (IOException ex) {
			throw new ChildProcessException("Could not start the training process: " + ex.getMessage(), true);
		}
		log.debug("Training process {} started: {}", child.pid(), command);
		Thread watch = watch(child, monitor);
		int epochs = 0;
		try (OutputStream stdin = child.getOutputStream(); InputStream stdout = child.getInputStream()) {
			try {
				input.write(stdin);
			}
			catch (IOException ex) {
				// the child died before reading it all: its exit status tells why
			}
			ChildChannel.Message message;
			while ((message = next(stdout, monitor)) != null) {
				switch (message.type()) {
					case ChildChannel.EPOCH -> {
						ChildChannel.Epoch epoch = message.json(ChildChannel.Epoch.class);
						epochs = epoch.stats().epoch();
						monitor.onEpoch(epoch.stats(), epoch.epochs());
					}
					case ChildChannel.NETWORK -> {
						ChildChannel.Network network = message.json(ChildChannel.Network.class);
						monitor.onNetwork(network.done(), network.total());
					}
					case ChildChannel.RESULT -> {
						return ChildChannel.outcome(message.payload());
					}
					case ChildChannel.ERROR -> throw new ChildProcessException(message.text() + limits(), false);
					default -> throw new IOException("Unknown frame type " + message.type());
				}
			}
			if (monitor.shouldStop()) {
				return TrainingOutcome.stopped(epochs);
			}
			throw new ChildProcessException(exited(child), false);
		}
		finally {
			child.destroyForcibly();
			watch.interrupt();
			child.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * The child's next frame; {@code null} at its end, also when ending the child closed
	 * the stream under the read.
	 */
	private static ChildChannel.Message next(InputStream stdout, TrainingMonitor monitor) throws IOException {
		try {
			return ChildChannel.read(stdout);
		}
		catch (IOException ex) {
			if (monitor.shouldStop()) {
				return null;
			}
			throw ex;
		}
	}

	/** Ends the child as soon as the worker is asked to stop its run. */
	private static Thread watch(Process child, TrainingMonitor monitor) {
		Thread watch = new Thread(() -> {
			try {
				while (!child.waitFor(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
					if (monitor.shouldStop()) {
						child.destroyForcibly();
						return;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "training-process-" + child.pid());
		watch.setDaemon(true);
		watch.start();
		return watch;
	}

	private String exited(Process child) throws InterruptedException {
		if (!child.waitFor(10, TimeUnit.SECONDS)) {
			return "The training process stopped answering" + limits();
		}
		int status = child.exitValue();
		String why = (status == 137 || status == 9) ? " (killed: most likely by the kernel for lack of memory)"
				: (status > 128) ? " (ended by signal " + (status - 128) + ")" : "";
		return "The training process exited with status " + status + why + " before reporting a result" + limits();
	}

	private String limits() {
		return " [training process limits: heap " + this.properties.runHeap().toMegabytes() + " MB, native "
				+ this.properties.runNative().toMegabytes()
				+ " MB (forecast.worker.run-heap, forecast.worker.run-native)]";
	}

	/**
	 * The child failed; {@code launch} when it could not even start (the worker cannot
	 * train at all).
	 */
	static final class ChildProcessException extends Exception {

		private static final long serialVersionUID = 1L;

		private final boolean launch;

		ChildProcessException(String message, boolean launch) {
			super(message);
			this.launch = launch;
		}

		boolean launch() {
			return this.launch;
		}

	}

}
