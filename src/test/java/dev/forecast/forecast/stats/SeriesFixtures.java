package dev.forecast.forecast.stats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Series for the classical models' tests: the airline passengers, and simulated ones. */
final class SeriesFixtures {

	private SeriesFixtures() {
	}

	/** The 144 monthly airline passenger totals, 1949-01 to 1960-12. */
	static double[] airline() {
		try (InputStream in = SeriesFixtures.class.getResourceAsStream("/data/airline_passengers.csv")) {
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
			double[] y = new double[lines.length - 1];
			for (int i = 1; i < lines.length; i++) {
				y[i - 1] = Double.parseDouble(lines[i].split(",")[1].trim());
			}
			return y;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A random walk with drift: {@code y[t] = y[t-1] + drift + N(0, 1)}. */
	static double[] randomWalk(int n, double drift, long seed) {
		Random random = new Random(seed);
		double[] y = new double[n];
		y[0] = 100;
		for (int t = 1; t < n; t++) {
			y[t] = y[t - 1] + drift + random.nextGaussian();
		}
		return y;
	}

	/**
	 * A stationary AR(1) around {@code mean}:
	 * {@code y[t] - mean = phi (y[t-1] - mean) + N(0, 1)}.
	 */
	static double[] ar1(int n, double phi, double mean, long seed) {
		Random random = new Random(seed);
		double[] y = new double[n];
		double level = random.nextGaussian() / Math.sqrt(1 - phi * phi);
		for (int t = 0; t < n; t++) {
			y[t] = mean + level;
			level = phi * level + random.nextGaussian();
		}
		return y;
	}

}
