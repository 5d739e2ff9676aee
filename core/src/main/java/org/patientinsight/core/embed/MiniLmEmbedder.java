package org.patientinsight.core.embed;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.patientinsight.core.embed.MiniLmTokenizer.TokenizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 as sentence-transformers runs it (word-piece uncased, truncation at 256
 * tokens, mean pooling over the attention mask, L2 normalisation), on ONNX Runtime with the
 * model and tokenizer files that ship in langchain4j's all-minilm-l6-v2 artifact (fp32) or
 * its quantized twin all-minilm-l6-v2-q (int8, same tokenizer); see {@link EmbeddingModel}.
 *
 * <p>Use {@link #shared()}: one ORT session per JVM (and model) with one intra-op thread, run concurrently
 * by any number of callers (an ORT session is thread-safe for {@code run}); parallelism comes
 * from the callers (Spark task slots), not from ORT's thread pool. Deliberately not
 * {@code Serializable}: Spark code must call {@code shared()} on the executor, never capture it.
 */
public final class MiniLmEmbedder implements TextEmbedder {
  /** The fp32 model's id (the default model; see {@link EmbeddingModel}). */
  public static final String MODEL_ID = EmbeddingModel.FP32.modelId();
  public static final int DIMENSION = 384;
  /** Tokens per text the model sees at most ([CLS] and [SEP] included). */
  public static final int MAX_TOKENS = MiniLmTokenizer.MAX_TOKENS;
  /** Texts per ORT call on a GPU (length-bucketed); on the CPU batch 1 is fastest. */
  public static final int GPU_BATCH = 64;

  static final String MODEL_RESOURCE = EmbeddingModel.FP32.resource();
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private static final Map<String, MiniLmEmbedder> SHARED = new ConcurrentHashMap<>();

  private final EmbeddingModel model;
  private final ExecutionProviders.Choice device;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final MiniLmTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final String outputName;

  /** The JVM's fp32 embedder on the CPU; see {@link #shared(EmbeddingModel, EmbedDevice)}. */
  public static MiniLmEmbedder shared() {
    return shared(EmbeddingModel.FP32, EmbedDevice.CPU);
  }

  /** The JVM's embedder for this model on the CPU. */
  public static MiniLmEmbedder shared(EmbeddingModel model) {
    return shared(model, EmbedDevice.CPU);
  }

  /**
   * The JVM's embedder for this model and requested device, created on first use (one per
   * pair). If creation fails (e.g. natives directory not writable), the error is thrown and
   * the next call tries again. A CUDA request without a usable CUDA provider gets a CPU
   * session (see {@link #device()}).
   */
  public static MiniLmEmbedder shared(EmbeddingModel model, EmbedDevice device) {
    return SHARED.computeIfAbsent(model.name() + "/" + device.name(),
        k -> new MiniLmEmbedder(model, device));
  }

  private MiniLmEmbedder(EmbeddingModel model, EmbedDevice requested) {
    long start = System.nanoTime();
    this.model = model;
    Path natives = NativeLibraries.prepare();
    String resource = model.resource();
    Path modelFile = NativeLibraries.extractResource(resource, natives.resolve("models")
        .resolve(NativeLibraries.fingerprint(resource)).resolve(resource));
    this.tokenizer = new MiniLmTokenizer();
    try {
      this.env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
      opts.setIntraOpNumThreads(1);
      opts.setInterOpNumThreads(1);
      opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.device = ExecutionProviders.apply(requested, opts);
      if (device.fellBack()) {
        LOG.warn("embed.device=cuda requested but {}: embedding on the CPU", device.reason());
      }
      this.session = env.createSession(modelFile.toString(), opts);
      Map<String, NodeInfo> inputs = session.getInputInfo();
      for (String required : List.of("input_ids", "attention_mask")) {
        if (!inputs.containsKey(required)) {
          throw new IllegalStateException("model " + resource + " has no input '"
              + required + "' (inputs: " + inputs.keySet() + ")");
        }
      }
      this.wantsTokenTypes = inputs.containsKey("token_type_ids");
      this.outputName = session.getOutputNames().contains("last_hidden_state")
          ? "last_hidden_state" : session.getOutputNames().iterator().next();
    } catch (OrtException e) {
      tokenizer.close();
      throw new IllegalStateException("cannot start ONNX Runtime session for " + resource
          + ": " + e.getMessage(), e);
    }
    LOG.info("embedder {} on {} ready in {} ms (natives in {})", model.modelId(),
        device.used().setting(), (System.nanoTime() - start) / 1_000_000, natives);
  }

  /** Which weights this embedder runs. */
  public EmbeddingModel model() {
    return model;
  }

  /** The device asked for, the one used, and why they differ if they do. */
  public ExecutionProviders.Choice device() {
    return device;
  }

  /** Texts per ORT call that suit the device: 1 on the CPU, {@value #GPU_BATCH} on a GPU. */
  public int preferredBatchSize() {
    return device.used() == EmbedDevice.CUDA ? GPU_BATCH : 1;
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  /** Tokens the model sees for this text: word pieces plus [CLS]/[SEP], at most 256. */
  public int countTokens(String text) {
    return tokenizer.encode(text).length();
  }

  @Override
  public float[] embed(String text) {
    return embedCounted(text).vector();
  }

  /** The embedding and its token count in one pass. */
  public EmbeddedText embedCounted(String text) {
    return run(List.of(tokenizer.encode(text))).get(0);
  }

  /** Embeds one at a time: on this CPU batch 1 with parallel callers is the fastest setting. */
  @Override
  public List<float[]> embedAll(List<String> texts) {
    return embedAll(texts, 1);
  }

  /**
   * Embeds in ORT batches of up to {@code batchSize} texts. Texts are grouped by token length
   * first, so padding inside a batch stays small; results come back in input order.
   */
  public List<float[]> embedAll(List<String> texts, int batchSize) {
    List<EmbeddedText> counted = embedAllCounted(texts, batchSize);
    List<float[]> out = new ArrayList<>(counted.size());
    for (EmbeddedText e : counted) {
      out.add(e.vector());
    }
    return out;
  }

  /** As {@link #embedAll(List, int)}, with each text's token count. */
  public List<EmbeddedText> embedAllCounted(List<String> texts, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    int n = texts.size();
    TokenizedText[] tokenized = new TokenizedText[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      tokenized[i] = tokenizer.encode(texts.get(i));
      order[i] = i;
    }
    if (batchSize > 1) {
      Arrays.sort(order, Comparator.comparingInt(i -> tokenized[i].length()));
    }
    EmbeddedText[] out = new EmbeddedText[n];
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      List<TokenizedText> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(tokenized[order[k]]);
      }
      List<EmbeddedText> vectors = run(batch);
      for (int k = from; k < to; k++) {
        out[order[k]] = vectors.get(k - from);
      }
    }
    return List.of(out);
  }

  /** One ORT call over a right-padded batch; pooling ignores the padding via the mask. */
  private List<EmbeddedText> run(List<TokenizedText> batch) {
    int b = batch.size();
    int seq = 0;
    for (TokenizedText t : batch) {
      seq = Math.max(seq, t.length());
    }
    long[] ids = new long[b * seq];
    long[] mask = new long[b * seq];
    long[][] masks = new long[b][];
    for (int r = 0; r < b; r++) {
      TokenizedText t = batch.get(r);
      System.arraycopy(t.ids(), 0, ids, r * seq, t.length());
      System.arraycopy(t.attentionMask(), 0, mask, r * seq, t.length());
      masks[r] = Arrays.copyOf(t.attentionMask(), seq);
    }
    long[] shape = {b, seq};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (wantsTokenTypes) {
        inputs.put("token_type_ids",
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * seq]), shape));
      }
      try (OrtSession.Result result = session.run(inputs, java.util.Set.of(outputName))) {
        Optional<OnnxValue> value = result.get(outputName);
        if (value.isEmpty() || !(value.get() instanceof OnnxTensor tensor)) {
          throw new IllegalStateException("model returned no tensor '" + outputName + "'");
        }
        long[] outShape = tensor.getInfo().getShape();
        if (outShape.length != 3 || outShape[0] != b || outShape[1] != seq
            || outShape[2] != DIMENSION) {
          throw new IllegalStateException("unexpected model output shape "
              + Arrays.toString(outShape) + ", expected [" + b + ", " + seq + ", " + DIMENSION
              + "]");
        }
        FloatBuffer hidden = tensor.getFloatBuffer();
        List<EmbeddedText> out = new ArrayList<>(b);
        for (int r = 0; r < b; r++) {
          out.add(new EmbeddedText(
              MeanPooling.poolAndNormalise(hidden, r, seq, DIMENSION, masks[r]),
              batch.get(r).length()));
        }
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + " texts ("
          + seq + " tokens): " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }
}
