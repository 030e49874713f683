package dev.forecast.forecast.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.forecast.forecast.stats.ArimaModel.Constant;

/**
 * The Hyndman-Khandakar stepwise search over {@code (p, q, P, Q)} and the constant, at
 * fixed differencing, as R's {@code forecast::auto.arima} runs it: four starting models,
 * then moves of one order at a time (and both at once) while the information criterion
 * improves. With the approximation, models are compared by conditional sums of squares
 * and the best are refitted by maximum likelihood.
 */
final class StepwiseSearch {

	private static final int MAX_MODELS = 94;

	/** A model the search tried, with its criterion. */
	private record Tried(int p, int q, int sp, int sq, boolean constant, double ic) {
	}

	private final double[] y;

	private final int d;

	private final int seasonalD;

	private final int period;

	private final boolean approximation;

	private final double offset;

	private final boolean useAic;

	private final List<Tried> tried = new ArrayList<>();

	private ArimaModel best;

	private double bestIc = Double.POSITIVE_INFINITY;

	StepwiseSearch(double[] y, int d, int seasonalD, int period, boolean approximation, double offset) {
		this.y = y;
		this.d = d;
		this.seasonalD = seasonalD;
		this.period = period;
		this.approximation = approximation;
		this.offset = offset;
		this.useAic = y.length <= 3;
	}

	/** Runs the search; the best model, or {@code null} when none could be fitted. */
	ArimaModel run(int maxP, int maxQ, int maxSP, int maxSQ, boolean allowConstant) {
		int n = this.y.length;
		int startP = n < 10 ? 1 : 2;
		int startQ = n < 10 ? 1 : 2;
		int startSP = n < 10 ? 0 : 1;
		int startSQ = n < 10 ? 0 : 1;
		int p = Math.min(startP, maxP);
		int q = Math.min(startQ, maxQ);
		int sp = Math.min(startSP, maxSP);
		int sq = Math.min(startSQ, maxSQ);
		boolean constant = allowConstant;
		attempt(p, q, sp, sq, constant);
		if (attempt(0, 0, 0, 0, constant)) {
			p = q = sp = sq = 0;
		}
		boolean seasonal = this.period > 1;
		if (maxP > 0 || maxSP > 0) {
			int ap = maxP > 0 ? 1 : 0;
			int asp = (seasonal && maxSP > 0) ? 1 : 0;
			if (attempt(ap, 0, asp, 0, constant)) {
				p = ap;
				sp = asp;
				q = sq = 0;
			}
		}
		if (maxQ > 0 || maxSQ > 0) {
			int aq = maxQ > 0 ? 1 : 0;
			int asq = (seasonal && maxSQ > 0) ? 1 : 0;
			if (attempt(0, aq, 0, asq, constant)) {
				p = sp = 0;
				q = aq;
				sq = asq;
			}
		}
		if (constant && attempt(0, 0, 0, 0, false)) {
			p = q = sp = sq = 0;
		}
		int[][] moves = { { 0, 0, -1, 0 }, { 0, 0, 0, -1 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 }, { 0, 0, -1, -1 },
				{ 0, 0, -1, 1 }, { 0, 0, 1, -1 }, { 0, 0, 1, 1 }, { -1, 0, 0, 0 }, { 0, -1, 0, 0 }, { 1, 0, 0, 0 },
				{ 0, 1, 0, 0 }, { -1, -1, 0, 0 }, { -1, 1, 0, 0 }, { 1, -1, 0, 0 }, { 1, 1, 0, 0 } };
		int startK = -1;
		while (startK < this.tried.size() && this.tried.size() < MAX_MODELS) {
			startK = this.tried.size();
			boolean improved = false;
			for (int[] move : moves) {
				int np = p + move[0];
				int nq = q + move[1];
				int nsp = sp + move[2];
				int nsq = sq + move[3];
				if (np < 0 || nq < 0 || nsp < 0 || nsq < 0 || np > maxP || nq > maxQ || nsp > maxSP || nsq > maxSQ
						|| known(np, nq, nsp, nsq, constant)) {
					continue;
				}
				if (attempt(np, nq, nsp, nsq, constant)) {
					p = np;
					q = nq;
					sp = nsp;
					sq = nsq;
					improved = true;
					break;
				}
			}
			if (!improved && allowConstant && !known(p, q, sp, sq, !constant) && attempt(p, q, sp, sq, !constant)) {
				constant = !constant;
			}
		}
		if (this.approximation && this.best != null) {
			return refitWithoutApproximation();
		}
		return this.best;
	}

	private ArimaModel refitWithoutApproximation() {
		List<Tried> ordered = new ArrayList<>(this.tried);
		ordered.sort(Comparator.comparingDouble(Tried::ic));
		for (Tried t : ordered) {
			if (t.ic() == Double.POSITIVE_INFINITY) {
				break;
			}
			ArimaModel model = Arima.estimate(this.y, order(t.p(), t.q(), t.sp(), t.sq()), constant(t.constant()),
					false);
			if (model != null && criterion(model) < Double.POSITIVE_INFINITY) {
				return model;
			}
		}
		return null;
	}

	private boolean known(int p, int q, int sp, int sq, boolean constant) {
		for (Tried t : this.tried) {
			if (t.p() == p && t.q() == q && t.sp() == sp && t.sq() == sq && t.constant() == constant) {
				return true;
			}
		}
		return false;
	}

	/** Fits the model and records it; true when it beats the best so far. */
	private boolean attempt(int p, int q, int sp, int sq, boolean constant) {
		ArimaModel model = Arima.estimate(this.y, order(p, q, sp, sq), constant(constant), this.approximation);
		double ic = model == null ? Double.POSITIVE_INFINITY : criterion(model);
		this.tried.add(new Tried(p, q, sp, sq, constant, ic));
		if (ic < this.bestIc) {
			this.bestIc = ic;
			this.best = model;
			return true;
		}
		return false;
	}

	private ArimaOrder order(int p, int q, int sp, int sq) {
		boolean seasonal = sp + this.seasonalD + sq > 0;
		return new ArimaOrder(p, this.d, q, sp, this.seasonalD, sq, seasonal ? this.period : 1);
	}

	private Constant constant(boolean constant) {
		int diffs = this.d + this.seasonalD;
		if (!constant || diffs > 1) {
			return Constant.NONE;
		}
		return diffs == 0 ? Constant.MEAN : Constant.DRIFT;
	}

	/**
	 * AICc (AIC for 3 points or fewer), infinite for models with roots near the unit
	 * circle.
	 */
	double criterion(ArimaModel model) {
		int nstar = model.nUsed();
		int k = model.parameterCount() + 1;
		double aic = Double.isNaN(model.minusTwoLogLik) ? this.offset + nstar * Math.log(model.sigma2) + 2 * k
				: model.aic();
		double ic;
		if (this.useAic) {
			ic = nstar > k ? aic : Double.POSITIVE_INFINITY;
		}
		else {
			ic = nstar - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (nstar - k - 1) : Double.POSITIVE_INFINITY;
		}
		if (!Double.isFinite(ic) || nearUnitRoot(model)) {
			return Double.POSITIVE_INFINITY;
		}
		return ic;
	}

	private static boolean nearUnitRoot(ArimaModel model) {
		ArimaOrder o = model.order;
		double[] c = model.coef;
		double limit = 1.01;
		int m = o.period();
		return ArmaPolynomials.minRoot(c, 0, o.p(), -1) < limit || ArmaPolynomials.minRoot(c, o.p(), o.q(), 1) < limit
				|| Math.pow(ArmaPolynomials.minRoot(c, o.p() + o.q(), o.seasonalP(), -1), 1.0 / m) < limit || Math
					.pow(ArmaPolynomials.minRoot(c, o.p() + o.q() + o.seasonalP(), o.seasonalQ(), 1), 1.0 / m) < limit;
	}

}
