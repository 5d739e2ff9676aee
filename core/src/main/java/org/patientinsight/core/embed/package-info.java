/**
 * Sentence embeddings for case notes: {@link org.patientinsight.core.embed.MiniLmEmbedder}
 * runs all-MiniLM-L6-v2 exactly as sentence-transformers does (cosine &ge; 0.999 with the
 * Python stack), on ONNX Runtime with DJL's HuggingFace tokenizer, fully offline.
 *
 * <p>Use: {@code MiniLmEmbedder.shared()} (one ORT session per JVM, one intra-op thread, safe
 * for any number of concurrent callers; call it on the executor, never capture it in a Spark
 * closure), then {@code embed(text)}, {@code embedCounted(text)} (vector + token count) or
 * {@code embedAll(texts, batchSize)}; {@code countTokens(text)} for throughput figures;
 * {@code MODEL_ID} is stored beside every vector.
 *
 * <p>Natives: ORT's and the tokenizer's shared libraries and the model file are unpacked once
 * into {@code -Dpi.embed.natives_dir} / env {@code PI_EMBED_NATIVES_DIR} (default
 * {@code <java.io.tmpdir>/patient-insight-natives}); DJL is forced offline with telemetry off.
 *
 * <p>Benchmark (raw embedder vs langchain4j's model class, one JVM per setting):
 * <pre>
 * mvn -B -ntp -q -pl core -Dpi.build.dir=target-embed test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.patientinsight.core.embed.EmbedderBenchmark"
 * </pre>
 */
package org.patientinsight.core.embed;
