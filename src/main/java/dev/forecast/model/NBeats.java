package dev.forecast.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generic N-BEATS architecture (Oreshkin et al. 2020) as one SameDiff layer over the
 * window {@code [batch, window]}: {@code blocks} blocks in a row, each {@code layers}
 * fully connected relu layers of {@code units} followed by two linear heads, a backcast
 * of the block's input and {@code theta} forecast coefficients. Each block reads what the
 * blocks before it left unexplained ({@code x(b+1) = x(b) - backcast(b)}, the residual
 * link), and the layer outputs every block's coefficients side by side
 * ({@code [batch, blocks · theta]}). The output layer that follows (linear) is the
 * forecast basis: its weights stacked per block, so the forecast is the sum over the
 * blocks of each block's basis times its coefficients, as in the paper.
 */
public class NBeats extends SameDiffLayer {

	private static final long serialVersionUID = 1L;

	/** Fields are non-final for DL4J's JSON configuration mapper. */
	private long nIn;

	private int blocks;

	private int layers;

	private int units;

	private int theta;

	/** For DL4J's JSON configuration mapper. */
	protected NBeats() {
	}

	public NBeats(int blocks, int layers, int units, int theta) {
		this.blocks = blocks;
		this.layers = layers;
		this.units = units;
		this.theta = theta;
	}

	/**
	 * The name of block {@code b}'s parameter {@code part}: {@code w0..}, {@code b0..},
	 * {@code wb}, {@code bb}, {@code wf}, {@code bf}.
	 */
	public static String param(int block, String part) {
		return "k" + block + part; // no underscore: DL4J splits parameter keys at the
									// first one
	}

	public long getNIn() {
		return this.nIn;
	}

	public void setNIn(long nIn) {
		this.nIn = nIn;
	}

	public int getBlocks() {
		return this.blocks;
	}

	public void setBlocks(int blocks) {
		this.blocks = blocks;
	}

	public int getLayers() {
		return this.layers;
	}

	public void setLayers(int layers) {
		this.layers = layers;
	}

	public int getUnits() {
		return this.units;
	}

	public void setUnits(int units) {
		this.units = units;
	}

	public int getTheta() {
		return this.theta;
	}

	public void setTheta(int theta) {
		this.theta = theta;
	}

	@Override
	public InputType getOutputType(int layerIndex, InputType inputType) {
		return InputType.feedForward((long) this.blocks * this.theta);
	}

	@Override
	public void setNIn(InputType inputType, boolean override) {
		if (!(inputType instanceof InputType.InputTypeFeedForward feedForward)) {
			throw new IllegalArgumentException("N-BEATS reads flat windows, got " + inputType);
		}
		if (this.nIn <= 0 || override) {
			this.nIn = feedForward.getSize();
		}
	}

	@Override
	public void defineParameters(SDLayerParams params) {
		params.clear();
		for (int b = 0; b < this.blocks; b++) {
			for (int l = 0; l < this.layers; l++) {
				params.addWeightParam(param(b, "w" + l), l == 0 ? this.nIn : this.units, this.units);
				params.addBiasParam(param(b, "b" + l), 1, this.units);
			}
			if (b + 1 < this.blocks) { // the last block's backcast would feed nothing
				params.addWeightParam(param(b, "wb"), this.units, this.nIn);
				params.addBiasParam(param(b, "bb"), 1, this.nIn);
			}
			params.addWeightParam(param(b, "wf"), this.units, this.theta);
			params.addBiasParam(param(b, "bf"), 1, this.theta);
		}
	}

	@Override
	public void initializeParameters(Map<String, INDArray> params) {
		WeightInit init = (this.weightInit == null) ? WeightInit.XAVIER : this.weightInit;
		for (int b = 0; b < this.blocks; b++) {
			for (int l = 0; l < this.layers; l++) {
				initWeights(l == 0 ? (int) this.nIn : this.units, this.units, init, params.get(param(b, "w" + l)));
				params.get(param(b, "b" + l)).assign(0);
			}
			if (b + 1 < this.blocks) {
				initWeights(this.units, (int) this.nIn, init, params.get(param(b, "wb")));
				params.get(param(b, "bb")).assign(0);
			}
			initWeights(this.units, this.theta, init, params.get(param(b, "wf")));
			params.get(param(b, "bf")).assign(0);
		}
	}

	@Override
	public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
		SDVariable x = input;
		List<SDVariable> thetas = new ArrayList<>();
		for (int b = 0; b < this.blocks; b++) {
			SDVariable h = x;
			for (int l = 0; l < this.layers; l++) {
				h = sd.nn().relu(h.mmul(params.get(param(b, "w" + l))).add(params.get(param(b, "b" + l))), 0);
			}
			thetas.add(h.mmul(params.get(param(b, "wf"))).add(params.get(param(b, "bf"))));
			if (b + 1 < this.blocks) {
				x = x.sub(h.mmul(params.get(param(b, "wb"))).add(params.get(param(b, "bb"))));
			}
		}
		return thetas.size() == 1 ? thetas.get(0) : sd.concat(1, thetas.toArray(new SDVariable[0]));
	}

	@Override
	public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
			INDArray paramsView, boolean initializeParams, DataType dataType) {
		Gru.HalvedGradients layer = new Gru.HalvedGradients(conf, dataType);
		layer.setIndex(index);
		layer.setParamsViewArray(paramsView);
		layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
		layer.setConf(conf);
		return layer;
	}

	@Override
	public String toString() {
		return "NBeats(nIn=" + this.nIn + ", blocks=" + this.blocks + ", layers=" + this.layers + ", units="
				+ this.units + ", theta=" + this.theta + ")";
	}

}
