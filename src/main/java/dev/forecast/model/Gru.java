package dev.forecast.model;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A gated recurrent unit layer (Cho et al. 2014, the Keras convention), which DL4J
 * 1.0.0-M2.1's layer API lacks, written as a SameDiff layer so that DL4J derives its
 * gradient. Input {@code [batch, nIn, time]} (NCW); output {@code [batch, units, time]},
 * or {@code [batch, units]} (the last step) when {@code lastStepOnly}. For every step,
 * with {@code h} starting at zero:
 *
 * <pre>
 * z = σ(x·Wz + h·Uz + bz)          update gate
 * r = σ(x·Wr + h·Ur + br)          reset gate
 * ĥ = tanh(x·Wh + (r ⊙ h)·Uh + bh) candidate
 * h = z ⊙ h + (1 − z) ⊙ ĥ
 * </pre>
 *
 * The graph is unrolled over the window, whose length is known from the input type.
 */
public class Gru extends SameDiffLayer {

	private static final long serialVersionUID = 1L;

	/**
	 * Parameter names: input weights, recurrent weights and biases of the update, reset
	 * and candidate parts.
	 */
	static final String[] WEIGHTS = { "Wz", "Wr", "Wh" };

	static final String[] RECURRENT = { "Uz", "Ur", "Uh" };

	static final String[] BIASES = { "bz", "br", "bh" };

	/** Fields are non-final for DL4J's JSON configuration mapper. */
	private long nIn;

	private long units;

	private long timeSteps;

	private boolean lastStepOnly;

	/** For DL4J's JSON configuration mapper. */
	protected Gru() {
	}

	public Gru(int units, boolean lastStepOnly) {
		this.units = units;
		this.lastStepOnly = lastStepOnly;
	}

	public long getNIn() {
		return this.nIn;
	}

	public void setNIn(long nIn) {
		this.nIn = nIn;
	}

	public long getUnits() {
		return this.units;
	}

	public void setUnits(long units) {
		this.units = units;
	}

	public long getTimeSteps() {
		return this.timeSteps;
	}

	public void setTimeSteps(long timeSteps) {
		this.timeSteps = timeSteps;
	}

	public boolean isLastStepOnly() {
		return this.lastStepOnly;
	}

	public void setLastStepOnly(boolean lastStepOnly) {
		this.lastStepOnly = lastStepOnly;
	}

	@Override
	public InputType getOutputType(int layerIndex, InputType inputType) {
		if (this.lastStepOnly) {
			return InputType.feedForward(this.units);
		}
		return InputType.recurrent(this.units, recurrent(inputType).getTimeSeriesLength(), RNNFormat.NCW);
	}

	@Override
	public void setNIn(InputType inputType, boolean override) {
		InputType.InputTypeRecurrent recurrent = recurrent(inputType);
		if (this.nIn <= 0 || override) {
			this.nIn = recurrent.getSize();
		}
		if (this.timeSteps <= 0 || override) {
			this.timeSteps = recurrent.getTimeSeriesLength();
		}
	}

	private static InputType.InputTypeRecurrent recurrent(InputType inputType) {
		if (!(inputType instanceof InputType.InputTypeRecurrent recurrent) || recurrent.getTimeSeriesLength() <= 0) {
			throw new IllegalArgumentException("a GRU needs recurrent input of known length, got " + inputType);
		}
		if (recurrent.getFormat() != RNNFormat.NCW) {
			throw new IllegalArgumentException("a GRU reads NCW input");
		}
		return recurrent;
	}

	@Override
	public void defineParameters(SDLayerParams params) {
		params.clear();
		for (int k = 0; k < 3; k++) {
			params.addWeightParam(WEIGHTS[k], this.nIn, this.units);
			params.addWeightParam(RECURRENT[k], this.units, this.units);
			params.addBiasParam(BIASES[k], 1, this.units);
		}
	}

	@Override
	public void initializeParameters(Map<String, INDArray> params) {
		WeightInit init = (this.weightInit == null) ? WeightInit.XAVIER : this.weightInit;
		for (int k = 0; k < 3; k++) {
			initWeights((int) this.nIn, (int) this.units, init, params.get(WEIGHTS[k]));
			initWeights((int) this.units, (int) this.units, init, params.get(RECURRENT[k]));
			params.get(BIASES[k]).assign(0);
		}
	}

	@Override
	public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
		SDVariable[] w = new SDVariable[3];
		SDVariable[] u = new SDVariable[3];
		SDVariable[] b = new SDVariable[3];
		for (int k = 0; k < 3; k++) {
			w[k] = params.get(WEIGHTS[k]);
			u[k] = params.get(RECURRENT[k]);
			b[k] = params.get(BIASES[k]);
		}
		SDVariable[] steps = sd.unstack(input, 2, (int) this.timeSteps);
		SDVariable[] outputs = new SDVariable[steps.length];
		SDVariable h = null;
		for (int t = 0; t < steps.length; t++) {
			SDVariable x = steps[t];
			if (h == null) {
				// h = 0: no recurrent terms, and z ⊙ h vanishes
				SDVariable z = sd.nn().sigmoid(x.mmul(w[0]).add(b[0]));
				h = z.rsub(1.0).mul(sd.math().tanh(x.mmul(w[2]).add(b[2])));
			}
			else {
				SDVariable z = sd.nn().sigmoid(x.mmul(w[0]).add(h.mmul(u[0])).add(b[0]));
				SDVariable r = sd.nn().sigmoid(x.mmul(w[1]).add(h.mmul(u[1])).add(b[1]));
				SDVariable candidate = sd.math().tanh(x.mmul(w[2]).add(r.mul(h).mmul(u[2])).add(b[2]));
				h = candidate.add(z.mul(h.sub(candidate)));
			}
			outputs[t] = h;
		}
		return this.lastStepOnly ? h : sd.stack(2, outputs);
	}

	@Override
	public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
			INDArray paramsView, boolean initializeParams, DataType dataType) {
		HalvedGradients layer = new HalvedGradients(conf, dataType);
		layer.setIndex(index);
		layer.setParamsViewArray(paramsView);
		layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
		layer.setConf(conf);
		return layer;
	}

	/**
	 * The runtime layer, fixing two things of DL4J 1.0.0-M2.1's SameDiff layer: it
	 * returns twice the gradients (of the parameters and of the input) for the error it
	 * is given, whatever the graph (measured against finite differences, see
	 * {@code GruTests}), so it is passed half the error; and it ignores dropout, so the
	 * input is dropped out here in training (and the gradient masked alike).
	 */
	static final class HalvedGradients extends org.deeplearning4j.nn.layers.samediff.SameDiffLayer {

		HalvedGradients(NeuralNetConfiguration conf, DataType dataType) {
			super(conf, dataType);
		}

		@Override
		public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
			applyDropOutIfNecessary(training, workspaceMgr);
			return super.activate(training, workspaceMgr);
		}

		@Override
		public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
			Pair<Gradient, INDArray> gradients = super.backpropGradient(epsilon.mul(0.5), workspaceMgr);
			return new Pair<>(gradients.getFirst(), backpropDropOutIfPresent(gradients.getSecond()));
		}

	}

	@Override
	public String toString() {
		return "Gru(nIn=" + this.nIn + ", units=" + this.units + ", timeSteps=" + this.timeSteps + ", lastStepOnly="
				+ this.lastStepOnly + ")";
	}

}
