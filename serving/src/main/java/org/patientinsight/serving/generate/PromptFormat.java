package org.patientinsight.serving.generate;

import java.util.Locale;
import org.patientinsight.core.config.ConfigException;

/**
 * How a chat prompt becomes the single {@code inputs} string TGI takes. OpenBioLLM is a
 * Llama-3 instruct model, so its chat template is the default; "plain" suits base models.
 */
public enum PromptFormat {
  LLAMA3 {
    @Override
    public String render(Prompt p) {
      return "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n" + p.system()
          + "<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n" + p.user()
          + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
    }
  },
  PLAIN {
    @Override
    public String render(Prompt p) {
      return p.system() + "\n\n" + p.user() + "\n\nReport:\n";
    }
  };

  public abstract String render(Prompt p);

  public static PromptFormat parse(String key, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, key + " must be llama3 or plain, got '" + value + "'");
    }
  }
}
