package io.alignscope.lm.tiny;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.alignscope.lm.infer.DistributionMath;
import io.alignscope.lm.model.CausalLm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a loaded (trainable) model with AdamW, a warm-up then cosine learning-rate schedule and
 * global gradient-norm clipping. Only used to build the project's tiny model pair.
 */
public final class TinyLmTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(TinyLmTrainer.class);
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.95;
  private static final double EPS = 1e-8;
  private static final double CLIP = 1.0;
  private static final int MAX_SKIPPED = 5;

  /**
   * @param steps optimiser steps
   * @param rows batch rows
   * @param length tokens per row
   * @param learningRate peak learning rate
   * @param warmup warm-up steps
   * @param weightDecay decoupled decay of matrices
   * @param seed batch sampling seed
   */
  public record Schedule(int steps, int rows, int length, double learningRate, int warmup, double weightDecay,
      long seed) {}

  private TinyLmTrainer() {}

  /** Trains {@code model} in place and returns the loss of every step. */
  public static List<Double> train(CausalLm model, TrainingData data, Schedule schedule, IntConsumer progress) {
    Map<String, NDArray> params = model.parameters();
    Map<String, NDArray[]> moments = new LinkedHashMap<>();
    try (NDManager optimizer = model.manager().newSubManager()) {
      params.forEach((name, p) -> moments.put(name, new NDArray[] {optimizer.zeros(p.getShape()), optimizer.zeros(p.getShape())}));
      SplittableRandom random = new SplittableRandom(schedule.seed());
      List<Double> losses = new ArrayList<>();
      int skipped = 0;
      for (int step = 1; step <= schedule.steps(); step++) {
        TrainingBatch batch = data.next(random, schedule.rows(), schedule.length());
        double loss;
        try (NDManager scope = model.manager().newSubManager()) {
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray lossArray = loss(model, batch, scope);
            collector.backward(lossArray);
            loss = lossArray.getFloat();
          }
          // Grad mode is per thread and on by default; the in-place update must not be recorded.
          JniUtils.setGradMode(false);
          double norm = update(params, moments, step, learningRate(schedule, step), schedule.weightDecay(), scope);
          skipped = Double.isNaN(norm) ? skipped + 1 : 0;
          if (skipped > 0) {
            // An overflowing gradient is rare in fp32; skipping that step (as mixed-precision
            // trainers do) keeps the run, many in a row mean the run diverged.
            LOG.warn("step {}: non-finite gradient, update skipped", step);
            if (skipped >= MAX_SKIPPED) {
              throw new IllegalStateException("training diverged: " + skipped + " non-finite gradients in a row at step "
                  + step + "; lower the learning rate");
            }
          }
          if (step % 10 == 0) {
            LOG.debug("step {} loss {} gradient norm {}", step, loss, norm);
          }
        }
        losses.add(loss);
        if (step % 50 == 0 || step == schedule.steps()) {
          LOG.info("step {}/{} loss {}", step, schedule.steps(), String.format("%.4f", loss));
        }
        progress.accept(step);
      }
      return losses;
    }
  }

  /** Mean negative log-likelihood over the weighted positions. */
  static NDArray loss(CausalLm model, TrainingBatch batch, NDManager scope) {
    int rows = batch.inputs().length;
    int length = batch.inputs()[0].length;
    Shape shape = new Shape(rows, length);
    NDArray ids = scope.create(flatten(batch.inputs()), shape);
    NDArray mask = scope.create(flatten(batch.attention()), shape);
    NDArray targets = scope.create(flatten(batch.targets()), shape);
    float[] weights = new float[rows * length];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(batch.lossWeight()[r], 0, weights, r * length, length);
    }
    NDArray weight = scope.create(weights, shape);
    NDArray logp = model.forward(ids, mask, null).logSoftmax(-1);
    NDArray nll = DistributionMath.pick(logp, targets).neg();
    return nll.mul(weight).sum().div(weight.sum().maximum(1f));
  }

  /**
   * One AdamW step with clipping; returns the gradient norm before clipping, or NaN (and no
   * update) when the gradient is not finite.
   */
  private static double update(Map<String, NDArray> params, Map<String, NDArray[]> moments, int step, double lr,
      double weightDecay, NDManager scope) {
    List<NDArray> grads = new ArrayList<>();
    double squares = 0;
    for (NDArray p : params.values()) {
      NDArray g = p.getGradient();
      g.attach(scope);
      grads.add(g);
      squares += g.square().sum().getFloat();
    }
    if (!Double.isFinite(squares)) {
      // NaN * 0 is NaN: assign zeros instead.
      grads.forEach(g -> g.set(new NDIndex("..."), 0));
      return Double.NaN;
    }
    double scale = Math.min(1.0, CLIP / (Math.sqrt(squares) + 1e-6));
    double correction1 = 1 - Math.pow(BETA1, step);
    double correction2 = 1 - Math.pow(BETA2, step);
    int i = 0;
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray p = e.getValue();
      NDArray g = grads.get(i++).mul(scale);
      NDArray[] m = moments.get(e.getKey());
      m[0].muli(BETA1).addi(g.mul(1 - BETA1));
      m[1].muli(BETA2).addi(g.square().mul(1 - BETA2));
      NDArray mHat = g.zerosLike().add(m[0]).div(correction1);
      NDArray vHat = g.zerosLike().add(m[1]).div(correction2);
      NDArray delta = mHat.div(vHat.sqrt().add(EPS));
      if (p.getShape().dimension() > 1 && weightDecay > 0) {
        delta = delta.add(g.zerosLike().add(p).mul(weightDecay));
      }
      p.subi(delta.mul(lr));
      grads.get(i - 1).muli(0);
    }
    return Math.sqrt(squares);
  }

  private static double learningRate(Schedule s, int step) {
    if (step <= s.warmup()) {
      return s.learningRate() * step / Math.max(1, s.warmup());
    }
    double progress = (double) (step - s.warmup()) / Math.max(1, s.steps() - s.warmup());
    return s.learningRate() * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }

  private static long[] flatten(long[][] rows) {
    int length = rows[0].length;
    long[] out = new long[rows.length * length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, out, r * length, length);
    }
    return out;
  }
}
