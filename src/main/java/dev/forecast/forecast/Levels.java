package dev.forecast.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.forecast.error.BadRequestException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Prediction-interval levels in percent, as {@code level=80,95} gives them: each strictly
 * between 0 and 100, in increasing order, written as the keys of {@code intervals}
 * ({@code "80"}, {@code "97.5"}).
 */
public record Levels(List<Double> percents) {

	static final Levels DEFAULT = new Levels(List.of(80.0, 95.0));

	static final int MAX = 10;

	private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

	public static Levels parse(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT;
		}
		TreeSet<Double> levels = new TreeSet<>();
		for (String part : text.split(",")) {
			double level;
			try {
				level = Double.parseDouble(part.trim());
			}
			catch (NumberFormatException ex) {
				throw BadRequestException.invalid("level",
						"'" + part.trim() + "' is not a number; give percents such as 80,95");
			}
			if (!(level > 0 && level < 100)) {
				throw BadRequestException.invalid("level",
						part.trim() + " is not a percent strictly between 0 and 100");
			}
			levels.add(level);
		}
		if (levels.size() > MAX) {
			throw BadRequestException.invalid("level", "at most " + MAX + " levels, got " + levels.size());
		}
		return new Levels(new ArrayList<>(levels));
	}

	/**
	 * The two-sided standard normal quantile of {@code level} (a fraction): 1.2816 for
	 * 0.8, 1.96 for 0.95.
	 */
	static double z(double level) {
		return NORMAL.inverseCumulativeProbability((1 + level) / 2);
	}

	public static String key(double level) {
		return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
	}

}
